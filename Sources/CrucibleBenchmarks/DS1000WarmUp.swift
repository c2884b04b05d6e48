/// What a DS-1000 worker runs once before it forks programs: the first figure saved as PNG (fonts, the Agg renderer,
/// PIL's decoder) and the first pandas frame shown, grouped and merged cost each forked program a few tens of
/// milliseconds when done there; done once in the worker, every child inherits the warm caches.
///
/// It leaves no state a program can observe: the figure is closed (pyplot numbers the next one 1 again), nothing
/// touches a random generator, an option or a style, and warnings raised here are not recorded.
public enum DS1000WarmUp {
    public static let script = """
        import io, warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import matplotlib.pyplot as _plt
            _figure, _axes = _plt.subplots()
            _axes.plot([1, 2, 3], [3, 1, 2], label="line")
            _axes.scatter([1, 2], [2, 1])
            _axes.bar([1, 2], [1, 2])
            _axes.set_title("title")
            _axes.set_xlabel("x")
            _axes.legend()
            _buffer = io.BytesIO()
            _figure.savefig(_buffer, format="png", bbox_inches="tight")
            _plt.close("all")
            from PIL import Image as _Image
            _buffer.seek(0)
            _Image.open(_buffer).load()
            import pandas as _pd
            _frame = _pd.DataFrame({"a": [1, 2, 2], "b": [1.0, 2.5, 3.0], "c": ["x", "y", "x"]})
            repr(_frame)
            _frame.groupby("c").sum()
            _frame.merge(_frame, on="a")
            _frame.pivot_table(index="c", values="b")
        """
}
