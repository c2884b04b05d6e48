/// The Python half of shared children (`PythonWorker.runBatch`): which programs may run one after another in one
/// sandboxed child, and the loop that runs them there.
///
/// A program qualifies when two things hold. Before it runs, an audit of its syntax finds that it cannot reach
/// anything outside its own namespace but the builtins and a few pure standard modules (no other imports, no
/// dunder or private attributes, no frame introspection, no getattr/setattr/globals/exec, no output). After it
/// runs, the objects it could have reached are still the ones that were there before: the builtins, those
/// modules' namespaces, their Python classes and public containers, compared by identity. A program that fails
/// either test runs in a child of its own, so every verdict is the one it would have had alone.
enum SharedChildScript {
    static let bootstrap = #"""
        import ast, builtins, operator, itertools, time

        _CRUCIBLE_SHAREABLE_MODULES = frozenset((
            "bisect", "cmath", "collections", "copy", "fractions", "functools", "hashlib", "heapq", "itertools",
            "math", "numbers", "operator", "re", "statistics", "string", "typing"))
        # Names that reach other namespaces, run text as code, write output, or change objects by name.
        _CRUCIBLE_UNSHAREABLE_NAMES = frozenset((
            "__import__", "attrgetter", "breakpoint", "compile", "delattr", "eval", "exec", "exit", "getattr",
            "globals", "help", "input", "locals", "memoryview", "methodcaller", "mro", "open", "print", "quit",
            "register", "setattr", "update_wrapper", "vars", "wraps"))
        _CRUCIBLE_INTROSPECTION = ("f_", "gi_", "cr_", "ag_", "tb_", "co_")
        # Separates the sections of the shared state, so that an entry moved from one namespace to the next shows.
        _CRUCIBLE_MARK = object()

        def _crucible_self_contained(tree):
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    if any(alias.name not in _CRUCIBLE_SHAREABLE_MODULES for alias in node.names):
                        return False
                elif isinstance(node, ast.ImportFrom):
                    if node.level or node.module not in _CRUCIBLE_SHAREABLE_MODULES:
                        return False
                    for alias in node.names:
                        name = alias.name
                        if (name == "*" or name.startswith("_") or name in sys.stdlib_module_names
                                or name in _CRUCIBLE_UNSHAREABLE_NAMES):
                            return False
                elif isinstance(node, ast.Name):
                    if node.id in _CRUCIBLE_UNSHAREABLE_NAMES or (node.id.startswith("__") and node.id != "__name__"):
                        return False
                elif isinstance(node, ast.Attribute):
                    name = node.attr
                    # Module attributes that are modules (typing.sys, statistics.random) have standard names.
                    if (name.startswith("_") or name.startswith(_CRUCIBLE_INTROSPECTION)
                            or name in sys.stdlib_module_names or name in _CRUCIBLE_UNSHAREABLE_NAMES):
                        return False
                elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                    if "__" in node.value and node.value != "__main__":
                        return False
            return True

        def _crucible_prepare_batch(payload):
            # Compiles every program of the batch in the worker, as single programs are. The shareable modules are
            # imported here, before any fork: one loaded in a child (Counter.most_common imports heapq) would
            # change the state the child compares, and end it.
            # Returns one character per program: "1" when it may share a child.
            global _crucible_batch, _crucible_batch_start
            _crucible_batch_start = 0
            for name in _CRUCIBLE_SHAREABLE_MODULES:
                importlib.import_module(name)
            request = json.loads(payload)
            _crucible_batch = []
            verdicts = []
            for source, trusted in zip(request["sources"], request["trusted"]):
                try:
                    tree = ast.parse(source, "<program>")
                    code = compile(tree, "<program>", "exec")
                    shareable = trusted or _crucible_self_contained(tree)
                except BaseException:
                    code, shareable = None, False
                _crucible_batch.append((source, code) if shareable else None)
                verdicts.append("1" if shareable else "0")
            _crucible_batch = [entry for entry in _crucible_batch if entry is not None]
            return "".join(verdicts)

        _crucible_batch_start = 0

        def _crucible_batch_from(start):
            global _crucible_batch_start
            _crucible_batch_start = int(start)

        def _crucible_shared_state():
            # What programs in one child could reach and change: the builtins and the loaded shareable modules,
            # with their Python classes and public containers. References, not ids: an object put in the place of
            # one that was freed could have its address.
            state = list(itertools.chain.from_iterable(builtins.__dict__.items()))
            for name in sorted(_CRUCIBLE_SHAREABLE_MODULES):
                module = sys.modules.get(name)
                if module is None:
                    continue
                namespace = module.__dict__
                state.append(_CRUCIBLE_MARK)
                state.extend(itertools.chain.from_iterable(namespace.items()))
                for key, value in namespace.items():
                    kind = type(value)
                    if isinstance(value, type) and not value.__flags__ & (1 << 8):  # not an immutable type
                        attributes = value.__dict__
                        state.append(_CRUCIBLE_MARK)
                        state.extend(itertools.chain.from_iterable(attributes.items()))
                    elif kind is dict and not key.startswith("_"):
                        state.append(_CRUCIBLE_MARK)
                        state.extend(itertools.chain.from_iterable(value.items()))
                    elif kind in (list, set) and not key.startswith("_"):
                        state.append(_CRUCIBLE_MARK)
                        state.extend(value)
            return state

        def _crucible_same_state(before, after):
            return len(before) == len(after) and all(map(operator.is_, before, after))

        def _crucible_run_batch():
            # Reports one JSON line per program, in order, and stops at the first program that did not simply pass
            # or fail an assertion, or after which the shared state differs: the worker runs that one alone and
            # the rest in a new child.
            fd = _CRUCIBLE_RESULT_FD
            reporter = os.getpid()
            name = "<program>"
            try:
                before = _crucible_shared_state()
                for source, code in _crucible_batch[_crucible_batch_start:]:
                    linecache.cache[name] = (len(source), None, source.splitlines(True), name)
                    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
                    started = time.perf_counter()
                    try:
                        exec(code, namespace)
                        result = {"status": "passed"}
                    except AssertionError as error:
                        result = _crucible_describe(error, "failed", name)
                    except BaseException:
                        break
                    result["seconds"] = time.perf_counter() - started
                    # Output the program buffered must reach the pipes now: the worker refuses a child that wrote.
                    sys.stdout.flush()
                    sys.stderr.flush()
                    namespace.clear()
                    del namespace
                    # Finalizers of what the program left behind run now, before the comparison, not during the
                    # next program.
                    gc.collect()
                    if os.getpid() != reporter or not _crucible_same_state(before, _crucible_shared_state()):
                        break
                    _crucible_write(fd, (json.dumps(result) + "\n").encode())
            except BaseException:
                pass
            finally:
                os._exit(0)
        """#
}
