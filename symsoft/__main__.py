from symsoft.cli import main

raise SystemExit(main())
