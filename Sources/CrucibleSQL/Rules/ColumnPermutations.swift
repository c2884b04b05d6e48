/// The column permutations under which a prediction's table could equal the gold's, produced lazily.
///
/// Permutation `p` compares gold column `i` with prediction column `p[i]`. A pairing is ruled out when some value
/// of the prediction's column never occurs in the gold's column: such a pairing can never give equal tables, so
/// pruning it changes no verdict, only the work.
struct ColumnPermutations: Sequence {
    private let candidates: [[Int]]

    init(gold: [[SQLValue]], prediction: [[SQLValue]]) {
        let columnCount = gold.first?.count ?? 0
        candidates = (0..<columnCount).map { goldColumn in
            let goldValues = Set(gold.map { $0[goldColumn] })
            return (0..<columnCount).filter { predictedColumn in
                prediction.allSatisfy { goldValues.contains($0[predictedColumn]) }
            }
        }
    }

    func makeIterator() -> Iterator { Iterator(candidates: candidates) }

    /// A depth-first walk over the candidate lists that skips columns already used.
    struct Iterator: IteratorProtocol {
        private let candidates: [[Int]]
        // positions[d] is the index into candidates[d] tried at depth d.
        private var positions: [Int] = []
        private var used: [Bool]
        private var chosen: [Int] = []
        private var started = false

        init(candidates: [[Int]]) {
            self.candidates = candidates
            used = Array(repeating: false, count: candidates.count)
        }

        mutating func next() -> [Int]? {
            if candidates.isEmpty {
                defer { started = true }
                return started ? nil : []
            }
            if started {
                guard backtrack() else { return nil }
            }
            started = true
            return descend()
        }

        /// Extends the current prefix to a full permutation, backtracking where it must.
        private mutating func descend() -> [Int]? {
            while chosen.count < candidates.count {
                let depth = chosen.count
                if positions.count == depth { positions.append(0) }
                var position = positions[depth]
                while position < candidates[depth].count && used[candidates[depth][position]] { position += 1 }
                if position < candidates[depth].count {
                    positions[depth] = position
                    let column = candidates[depth][position]
                    used[column] = true
                    chosen.append(column)
                } else {
                    positions.removeLast()
                    guard backtrack() else { return nil }
                }
            }
            return chosen
        }

        /// Drops the deepest choice and moves that depth to its next candidate.
        private mutating func backtrack() -> Bool {
            guard let last = chosen.popLast() else { return false }
            used[last] = false
            positions[chosen.count] += 1
            return true
        }
    }
}
