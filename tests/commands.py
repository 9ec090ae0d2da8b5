"""Running `saferplace <args>` in-process, as the console script would, for the command-line tests."""

import io

from django.core.management import call_command
from django.core.management.base import CommandError


def run(*args) -> tuple[int, str, str]:
    """(exit status, stdout, stderr). A usage error (CommandError) gives its return code with its message on
    standard error, as the console script prints it."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*[str(a) for a in args], stdout=out, stderr=err)
        status = 0
    except SystemExit as exit_:
        status = exit_.code
    except CommandError as error:
        status = error.returncode
        err.write(str(error))
    return status, out.getvalue(), err.getvalue()
