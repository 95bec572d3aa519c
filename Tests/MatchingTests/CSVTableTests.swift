import Diagnostics
import Foundation
import Matching
import Testing

@Suite struct CSVTableTests {
    private func parse(_ bytes: [UInt8]) throws(InputDiagnostics) -> CSVTable {
        try CSVTable.parse(Data(bytes), path: "f.csv")
    }

    private func parse(_ text: String) throws(InputDiagnostics) -> CSVTable {
        try parse(Array(text.utf8))
    }

    @Test("A form export: BOM, CRLF, quoted commas, doubled quotes and line breaks, no final line end")
    func formExport() throws {
        let text =
            "\u{FEFF}id,\"What is your email, please?\",notes\r\n1,a@x.org,\"said \"\"hi\"\", then\r\nleft\"\r\n2,b@x.org,plain"
        let table = try parse(text)
        #expect(table.header == ["id", "What is your email, please?", "notes"])
        #expect(
            table.records.map(\.cells) == [["1", "a@x.org", "said \"hi\", then\r\nleft"], ["2", "b@x.org", "plain"]])
        #expect(table.records.map(\.row) == [2, 3])
    }

    @Test("Semicolon- and tab-separated exports are recognised from their header line")
    func otherDelimiters() throws {
        let semicolons = try parse("id;\"Email, please\";notes\n1;a@x.org;\"x; y\"\n")
        #expect(semicolons.header == ["id", "Email, please", "notes"])
        #expect(semicolons.records.map(\.cells) == [["1", "a@x.org", "x; y"]])
        let tabs = try parse("id\temail\n1\ta@x.org, b\n")
        #expect(tabs.records.map(\.cells) == [["1", "a@x.org, b"]])
        #expect(try parse("a,b;c\n1,2;3\n").header == ["a", "b;c"])
    }

    @Test("Blank lines and rows of empty cells are skipped but still count as spreadsheet rows")
    func blankLines() throws {
        let table = try parse("a,b\n\n1,2\n,\n3,4\n , \t\n\"\",\n")
        #expect(table.records.map(\.row) == [3, 5])
    }

    @Test("Short rows read as empty cells past their end; a trailing empty cell beyond the header is dropped")
    func raggedRows() throws {
        let table = try parse("a,b,c\n1\n1,2,3,\n")
        #expect(table.records.map { record in (0..<3).map(record.cell) } == [["1", "", ""], ["1", "2", "3"]])
        #expect(table.records.map(\.cells) == [["1"], ["1", "2", "3"]])
    }

    @Test("A header of 50,000 columns over one-cell rows stores one cell a row (padding took 4 GB)")
    func wideHeaderStaysSmall() throws {
        let header = (0..<50_000).map { "c\($0)" }.joined(separator: ",")
        let text = header + "\n" + String(repeating: "x\n", count: 5_000)
        let table = try parse(text)
        #expect(table.records.count == 5_000)
        #expect(table.records.reduce(0) { $0 + $1.cells.count } == 5_000)
        #expect(table.records[0].cell(49_999) == "")
    }

    @Test("A row longer than the header is an error at the first extra cell")
    func longRow() {
        #expect(throws: InputDiagnostics.self) { try parse("a,b\n1,2,3\n") }
        do { _ = try parse("a,b\n1,2\n1,2,3\n") } catch {
            #expect(
                error.description
                    == "f.csv:3:3: error: this row has 3 cells but the header names 2 columns; a cell holding a comma must be quoted."
            )
        }
    }

    @Test("An unterminated quote is reported at the row and column where it opens")
    func unterminatedQuote() {
        do {
            _ = try parse("a,b\n1,2\n3,\"four\n5,6\n")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description
                    == "f.csv:3:2: error: a quoted cell is never closed; every opening \" needs a closing \".")
        }
        // Opened in the header, it is the only error: the file is not "empty".
        do {
            _ = try parse("id,\"name,email\nM1,Ann,a@x\n")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description
                    == "f.csv:1:2: error: a quoted cell is never closed; every opening \" needs a closing \".")
        }
    }

    @Test(
        "A spreadsheet file is named as one, with how to export it",
        arguments: [[0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1]] as [[UInt8]])
    func spreadsheet(signature: [UInt8]) {
        do {
            _ = try parse(signature + Array(repeating: 0, count: 64))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("f.csv: error: is a spreadsheet file (.xlsx, .ods or .xls), not CSV"))
        }
    }

    @Test("Bytes that are not UTF-8 are an error naming the cell")
    func invalidUTF8() {
        do {
            _ = try parse(Array("a,b\n1,".utf8) + [0xE9] + Array("t\n".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description == "f.csv:2:2: error: this cell is not valid UTF-8; save the file as \"CSV UTF-8\".")
        }
    }

    @Test("UTF-16 exports are recognised and refused with the fix")
    func utf16() {
        do {
            _ = try parse([0xFF, 0xFE, 0x61, 0x00])
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description
                    == "f.csv: error: is UTF-16 text (Excel's \"Unicode Text\"); save it as \"CSV UTF-8\".")
        }
    }

    @Test("An empty file is an error; a header alone is a table with no records")
    func emptyFiles() throws {
        #expect(throws: InputDiagnostics.self) { try parse("") }
        #expect(try parse("a,b\n").records.isEmpty)
    }

    @Test("A file that cannot be read is an error naming it")
    func unreadable() {
        do {
            _ = try CSVTable.load(path: "/nonexistent/x.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("/nonexistent/x.csv: error: cannot be read"))
        }
    }
}
