import AssignmentFiles

extension MatrixFile {
    /// The instance as a matrix file: integral instances as `int64` with
    /// forbidden pairs written as -1 (every generated score is ≥ 0), others as
    /// `float64` with forbidden pairs as NaN.
    public init(_ instance: GeneratedInstance) {
        if instance.isIntegral {
            var values = instance.values.map { Int64($0) }
            for index in instance.forbidden { values[index] = -1 }
            self.init(rows: instance.rows, columns: instance.columns, values: .integers(values))
        } else {
            var values = instance.values
            for index in instance.forbidden { values[index] = .nan }
            self.init(rows: instance.rows, columns: instance.columns, values: .reals(values))
        }
    }
}
