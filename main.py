"""Start Smesco Desk.

    uv run main.py [--data-dir DIR] [--database-url URL] [--demo] [--lang id|en]
"""

from ui.app import main

raise SystemExit(main())
