"""PASS/FAIL lines of an extended suite, counted for its exit status."""
import sys


class Verdicts:
    def __init__(self, suite):
        self.suite, self.failures = suite, 0

    def report(self, ok, what):
        print(("PASS" if ok else "FAIL") + " " + self.suite + ": " + what, flush=True)
        self.failures += 0 if ok else 1

    def exit(self):
        """Exits 1 when anything failed, else 0."""
        sys.exit(1 if self.failures else 0)
