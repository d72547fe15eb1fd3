"""`python -m paceapp` runs the same entry point as the `paceapp` console script."""

from paceapp.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
