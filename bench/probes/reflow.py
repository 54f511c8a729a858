#!/usr/bin/env python3
"""How much the text reader leans on the way a copy sets its lines. Each copy is read as it is and
again reflowed one way, and the article read from the reflowed text is compared with the one read
from the copy (word F1 of what a listener hears, exit codes, titles).

    python3 bench/probes/reflow.py MODE DIR [DIR...]     # every *.txt in the folders

MODE: wrapN   lines longer than N columns wrapped at N (Python's textwrap: greedy), as a text file
              or a mail is; wrap is wrap72
      fmtN    the whole text through `fmt -w N`, which evens lines out and also joins the lines of a
              block (a menu becomes one line): only fair on bare prose
      tight   blank lines removed (paragraphs set line under line)
      double  every line parted from the next by a blank line
      crlf    Windows line ends
Run it on dev copies only (it prints per copy): build/eval-corpus/dev-firefox, build/eval-mercury/
dev-firefox, build/eval-npm/dev-firefox (or the chrome folders). The reflowed texts are written to
$PROBE_DIR (default: a new temporary folder). Runs ./oralise (or $ORALISE)."""
import re, subprocess, sys, textwrap
from probe import run_variants


def reflow(mode, text):
    if mode.startswith("wrap"):
        width = int(mode[4:] or 72)
        return "\n".join("\n".join(textwrap.wrap(l, width)) if len(l) > width else l for l in text.split("\n"))
    if mode.startswith("fmt"):
        return subprocess.run(["fmt", "-w", mode[3:] or "72"], input=text, capture_output=True, text=True).stdout
    if mode == "tight":
        return re.sub(r"\n\s*\n+", "\n", text)
    if mode == "double":
        return text.replace("\n", "\n\n")
    if mode == "crlf":
        return text.replace("\n", "\r\n")
    sys.exit(f"unknown mode {mode}")


def load(path):
    return open(path, encoding="utf-8", errors="replace").read()


def main():
    run_variants(__doc__, "txt", reflow, load)


if __name__ == "__main__":
    main()
