/// The variables crucible's workers run programs with, given to the floor too so both do the same work.
enum PythonBenchmarkEnvironment {
    static func variables(_ paths: PythonPaths) -> [String: String] {
        [
            "OPENBLAS_NUM_THREADS": "1", "NUMEXPR_MAX_THREADS": "1", "NUMEXPR_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "MPLBACKEND": "Agg", "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONHASHSEED": "0", "SEABORN_DATA": paths.seabornData.path,
        ]
    }
}
