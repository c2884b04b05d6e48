"""The least a DS-1000 scorer has to spend: every program executed once, in interpreters that imported the
libraries beforehand, with no isolation at all (no fork per program, no limits, no pipes); a fixed number of
processes pull programs from a shared counter, so the split between cores is as even as it can be.

A process that a program kills (os._exit, a crash) is replaced by a fresh fork of the warm parent, and the program is
counted as "died"; a program still running after TIMEOUT seconds is killed the same way. Prints one JSON line.

Run it with `python3.11 -S` when PYTHON_PATH is given: crucible then starts its interpreter without the `site` module
too (so that the system's site packages are not mixed with the given ones), and both must run the same libraries.

Usage: python3.11 -S warm_floor.py PROGRAMS_JSONL PROCESSES TIMEOUT [PYTHON_PATH ...]
"""
import ctypes
import json
import multiprocessing
import os
import signal
import sys
import tempfile
import time

programs_file, processes, timeout = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
sys.path[:0] = sys.argv[4:]
if sys.flags.no_site:
    import site

    site.setquit()
    site.setcopyright()
    site.sethelper()
PRELOAD = ["numpy", "pandas", "scipy", "sklearn", "matplotlib", "seaborn", "statsmodels.api"]
for name in PRELOAD:
    try:
        __import__(name)
    except ImportError:
        pass
try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot  # noqa: F401
except ImportError:
    pass

with open(programs_file, encoding="utf-8") as handle:
    programs = [json.loads(line)["source"] for line in handle]
count = len(programs)
next_index = multiprocessing.Value(ctypes.c_long, 0)
outcome = multiprocessing.Array(ctypes.c_byte, count)  # 0 not run, 1 passed, 2 failed, 3 died
running = multiprocessing.Array(ctypes.c_long, processes)
started = multiprocessing.Array(ctypes.c_double, processes)


def work(slot):
    os.chdir(tempfile.mkdtemp(prefix="crucible-floor-"))
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    while True:
        with next_index.get_lock():
            index = next_index.value
            next_index.value += 1
        if index >= count:
            os._exit(0)
        running[slot] = index
        started[slot] = time.monotonic()
        try:
            exec(compile(programs[index], "<program>", "exec"), {"__name__": "__main__"})
            outcome[index] = 1
        except BaseException:
            outcome[index] = 2
        running[slot] = -1


def start(slot):
    running[slot] = -1
    pid = os.fork()
    if pid == 0:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        work(slot)
    return pid


children = {start(slot): slot for slot in range(processes)}
while children:
    pid, _ = os.waitpid(-1, os.WNOHANG)
    if pid == 0:
        now = time.monotonic()
        for child, slot in list(children.items()):
            if running[slot] >= 0 and now - started[slot] > timeout:
                os.kill(child, signal.SIGKILL)
        time.sleep(0.05)
        continue
    slot = children.pop(pid)
    if running[slot] >= 0:
        outcome[running[slot]] = 3
        children[start(slot)] = slot

cpu = os.times()
print(json.dumps({
    "programs": count,
    "passed": sum(1 for value in outcome if value == 1),
    "failed": sum(1 for value in outcome if value == 2),
    "died": sum(1 for value in outcome if value == 3),
    "cpu_seconds": round(cpu.children_user + cpu.children_system, 2),
}))
