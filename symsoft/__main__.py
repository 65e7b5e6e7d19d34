from symsoft.cli import console

raise SystemExit(console())
