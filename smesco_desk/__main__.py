from smesco_desk.cli import main

raise SystemExit(main())
