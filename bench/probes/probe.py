"""What every probe shares: the oralise it runs ($ORALISE, default ./oralise from the checkout) and
the folder its inputs are written to ($PROBE_DIR, default a new temporary folder)."""
import json
import os
import subprocess
import tempfile

ORALISE = os.environ.get("ORALISE", "./oralise")
WORK = os.environ.get("PROBE_DIR") or tempfile.mkdtemp(prefix="oralise-probe-")


def read_article(name, content):
    """Writes content to WORK/name and runs `oralise --print=article` on it. Returns the finished
    process (exit code, stderr) and the article as JSON (None when the output is none)."""
    path = os.path.join(WORK, name)
    with open(path, "w") as f:
        f.write(content)
    p = subprocess.run([ORALISE, "--print=article", path], capture_output=True, text=True)
    try:
        return p, json.loads(p.stdout)
    except ValueError:
        return p, None
