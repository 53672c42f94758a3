"""train/memory.py: with freed memory kept, a tensor made and dropped every step stops
costing fresh pages from the kernel. Each case runs in a fresh process, since the setting is
the process's."""

from __future__ import annotations

import subprocess
import sys

import pytest

# Twenty steps that each fill and drop a 48 MB tensor, as an MLE step does its logits;
# prints the minor page faults they cost.
STEPS = """
import resource, sys, torch
from train.memory import keep_freed_memory
if sys.argv[1] == "keep":
    assert keep_freed_memory()
torch.ones(4000, 3000).sum()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(20):
    torch.ones(4000, 3000).sum()
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def page_faults(mode: str) -> int:
    done = subprocess.run([sys.executable, "-c", STEPS, mode], capture_output=True, text=True,
                          check=True)
    return int(done.stdout.split()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_kept_memory_spares_each_step_its_page_faults():
    pages = 4000 * 3000 * 4 // 4096
    assert page_faults("default") > 10 * pages  # every step takes fresh pages
    # The steps reuse what the first ones took: about 4 tensors' pages in all, sometimes a few
    # pages over, where each of the 20 steps takes a tensor's worth without it.
    assert page_faults("keep") < 8 * pages
