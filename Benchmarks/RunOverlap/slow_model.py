# A stand-in model for the overlap benchmark (crucible's command-model protocol): every request is answered after
# a fixed latency, many at once, with the recorded answer of its task (a JSON object task_id -> text).
import json, sys, threading, time

answers = json.load(open(sys.argv[1], encoding="utf-8"))
latency = float(sys.argv[2])
lock = threading.Lock()

def answer(request):
    time.sleep(latency)
    line = json.dumps({"id": request["id"], "completions": [answers[request["task_id"]]] * request["n"]})
    with lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

for line in sys.stdin:
    threading.Thread(target=answer, args=(json.loads(line),), daemon=True).start()
