"""Where the tests find the repository and its sample table."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "resources" / "samples" / "000_05425078e2155506.txt"
DATA = ROOT / "tests" / "support" / "data"
