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
        import ast, builtins, operator, itertools, random, time

        _CRUCIBLE_SHAREABLE_MODULES = frozenset((
            "bisect", "cmath", "collections", "copy", "fractions", "functools", "hashlib", "heapq", "itertools",
            "math", "numbers", "operator", "random", "re", "statistics", "string", "typing"))
        # Names that reach objects by a name in a string, reach other namespaces, run text as code (type hints
        # are evaluated), keep registries across programs, or write output.
        _CRUCIBLE_UNSHAREABLE_NAMES = frozenset((
            "__import__", "attrgetter", "breakpoint", "clear_overloads", "compile", "delattr", "eval", "exec", "exit",
            "ForwardRef", "Formatter", "get_field", "get_overloads", "get_type_hints", "getattr", "globals", "help",
            "input", "locals", "memoryview", "methodcaller", "mro", "open", "overload", "print", "quit", "register",
            "setattr", "update_wrapper", "vars", "wraps"))
        _CRUCIBLE_INTROSPECTION = ("f_", "gi_", "cr_", "ag_", "tb_", "co_")
        # Separates the sections of the shared state, so that an entry moved from one namespace to the next shows.
        _CRUCIBLE_MARK = object()

        def _crucible_leads_to_module(module, name):
            value = getattr(sys.modules.get(module), name, None)
            return isinstance(value, type(sys)) or module + "." + name in sys.modules

        def _crucible_self_contained(tree):
            # The modules the program imports when it is self-contained, else None. Names bound to modules may
            # only be followed by an attribute (`math.sqrt`), never passed on or kept, so that every module a
            # program touches is known here, and none of the attributes it reads is a module (statistics.random).
            modules = {}
            qualified = set()
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    for alias in node.names:
                        if alias.name not in _CRUCIBLE_SHAREABLE_MODULES:
                            return None
                        modules[alias.asname or alias.name] = alias.name
                elif isinstance(node, ast.ImportFrom):
                    if node.level or node.module not in _CRUCIBLE_SHAREABLE_MODULES:
                        return None
                    for alias in node.names:
                        name = alias.name
                        if (name == "*" or name.startswith("_") or name in _CRUCIBLE_UNSHAREABLE_NAMES
                                or _crucible_leads_to_module(node.module, name)):
                            return None
                elif isinstance(node, ast.Attribute):
                    name = node.attr
                    if (name.startswith("_") or name.startswith(_CRUCIBLE_INTROSPECTION)
                            or name in _CRUCIBLE_UNSHAREABLE_NAMES):
                        return None
                    if isinstance(node.value, ast.Name):
                        qualified.add(id(node.value))
            for node in ast.walk(tree):
                if isinstance(node, ast.Name):
                    if node.id in _CRUCIBLE_UNSHAREABLE_NAMES or (node.id.startswith("__") and node.id != "__name__"):
                        return None
                    if node.id in modules:
                        if id(node) not in qualified:
                            return None
                elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules:
                    if _crucible_leads_to_module(modules[node.value.id], node.attr):
                        return None
            return tuple(modules.values())

        # Global and attribute names that say nothing by themselves: a class body stores its module and name.
        _CRUCIBLE_HARMLESS_DUNDERS = frozenset(("__name__", "__module__", "__qualname__", "__annotations__", "__doc__"))
        _CRUCIBLE_UNUSUAL = ("_",) + _CRUCIBLE_INTROSPECTION

        def _crucible_names(code):
            names = set(code.co_names)
            for constant in code.co_consts:
                if isinstance(constant, type(code)):
                    names |= _crucible_names(constant)
            return names

        def _crucible_audit(source, code):
            # A program without an import whose global and attribute names (all in its code objects' co_names)
            # are plain is self-contained without a syntax tree; anything else is decided on the tree.
            if "import" not in source:
                names = _crucible_names(code)
                if names & _CRUCIBLE_UNSHAREABLE_NAMES:
                    return None
                if not any(name.startswith(_CRUCIBLE_UNUSUAL) for name in names - _CRUCIBLE_HARMLESS_DUNDERS):
                    return ()
            return _crucible_self_contained(ast.parse(source, "<program>"))

        def _crucible_imports(source):
            # The shareable modules a trusted program (the benchmark's own code) imports.
            if "import" not in source:
                return ()
            found = []
            for node in ast.walk(ast.parse(source, "<program>")):
                if isinstance(node, ast.Import):
                    found += [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    found.append(node.module)
            return tuple(name for name in found if name in _CRUCIBLE_SHAREABLE_MODULES)

        _crucible_shareable_imported = False

        def _crucible_prepare_batch(payload):
            # Compiles every program of the batch in the worker, as single programs are. The shareable modules are
            # imported here, before any fork: one loaded in a child (Counter.most_common imports heapq) would
            # change the state the child compares, and end it.
            # Returns one character per program: "1" when it may share a child.
            global _crucible_batch, _crucible_batch_start, _crucible_batch_modules, _crucible_shareable_imported
            _crucible_batch_start = 0
            if not _crucible_shareable_imported:
                for name in _CRUCIBLE_SHAREABLE_MODULES:
                    importlib.import_module(name)
                _crucible_shareable_imported = True
            request = json.loads(payload)
            _crucible_batch = []
            verdicts = []
            modules = set()
            for source, trusted in zip(request["sources"], request["trusted"]):
                try:
                    code = compile(source, "<program>", "exec")
                    imported = _crucible_imports(source) if trusted else _crucible_audit(source, code)
                except BaseException:
                    imported = None
                if imported is not None:
                    modules.update(imported)
                    _crucible_batch.append((source, code))
                verdicts.append("0" if imported is None else "1")
            _crucible_batch_modules = tuple(sorted(modules))
            return "".join(verdicts)

        _crucible_batch_start = 0

        def _crucible_batch_from(start):
            global _crucible_batch_start
            _crucible_batch_start = int(start)

        _crucible_batch_modules = ()

        def _crucible_shared_state():
            # What the batch's programs could reach and change: the builtins and the modules they import (the audit
            # leaves them no way to others), with the attributes of those modules' classes, functions and other
            # objects, and the items of their public containers. References, not ids: an object put in the place
            # of one that was freed could have its address.
            chain = itertools.chain.from_iterable
            state = list(chain(builtins.__dict__.items()))
            for name in _crucible_batch_modules:
                namespace = sys.modules[name].__dict__
                state.append(_CRUCIBLE_MARK)
                state.extend(chain(namespace.items()))
                for key, value in namespace.items():
                    kind = type(value)
                    if kind is dict or kind is list or kind is set:
                        if not key.startswith("_"):
                            state.append(_CRUCIBLE_MARK)
                            state.extend(chain(value.items()) if kind is dict else value)
                        continue
                    if kind is type(sys) or (isinstance(value, type) and value.__flags__ & (1 << 8)):
                        continue  # a module the program cannot reach, or an immutable type
                    try:
                        attributes = value.__dict__
                    except Exception:
                        continue
                    state.append(_CRUCIBLE_MARK)
                    state.extend(chain(attributes.items()))
            return state

        def _crucible_same_state(before, after):
            return len(before) == len(after) and all(map(operator.is_, before, after))

        def _crucible_run_batch():
            # Reports one JSON line per program, in order, and stops at the first program that ran out of memory or
            # stack, exited, or after which the shared state differs: the worker runs that one alone and the rest
            # in a new child.
            fd = _CRUCIBLE_RESULT_FD
            reporter = os.getpid()
            name = "<program>"
            try:
                before = _crucible_shared_state()
                for source, code in _crucible_batch[_crucible_batch_start:]:
                    linecache.cache[name] = (len(source), None, source.splitlines(True), name)
                    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
                    # What `random` does in every forked child: a fresh seed, whatever the last program set.
                    random.seed()
                    started = time.perf_counter()
                    try:
                        exec(code, namespace)
                        result = {"status": "passed"}
                    except AssertionError as error:
                        result = _crucible_describe(error, "failed", name)
                    except (MemoryError, RecursionError):
                        break
                    except Exception as error:
                        # An ordinary exception is described as alone; the limits' errors depend on the child.
                        if _crucible_classify(error) != "error":
                            break
                        result = _crucible_describe(error, "error", name)
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
