import multiprocessing
import sys

from composer_app.cli import main

if __name__ == "__main__":
    # In the packaged app, the worker processes that prepare a training folder start the same executable;
    # freeze_support() makes them run their work instead of the command line.
    multiprocessing.freeze_support()
    sys.exit(main())
