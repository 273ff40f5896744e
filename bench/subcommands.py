"""The command line of the bench scripts that take a subcommand
(make_corpus.py, report.py, sphinx.py): `SCRIPT NAME ARG...`."""
import sys


def run(usage, commands, argv=None):
    """Calls the command argv[1] names with the arguments after it (strings).

    commands: {name: (fewest, most, function)}, the numbers of arguments the
    command takes (most None: no limit). A name not there, or a wrong number
    of arguments, prints `usage` (the script's docstring) and gives 2;
    otherwise 0, the exit status for sys.exit.
    """
    argv = sys.argv if argv is None else argv
    if len(argv) >= 2 and argv[1] in commands:
        fewest, most, function = commands[argv[1]]
        args = argv[2:]
        if len(args) >= fewest and (most is None or len(args) <= most):
            function(*args)
            return 0
    sys.stderr.write(usage)
    return 2
