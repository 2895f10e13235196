"""Reads an XLSX workbook with openpyxl (a reader nobody on scamnet wrote) and prints what it saw as JSON.

usage: read_xlsx.py <file>
Prints {"sheets": {name: {"header": text, "footer": text, "rows": [[{"value", "type"}]]}}}: every
cell's value and openpyxl's data type ("s" text, "n" number, "b" boolean, "d" date, "f" formula),
and the centre section of each sheet's page header and footer. Exits non-zero when openpyxl
refuses the file.
"""
import datetime
import json
import sys

import openpyxl


def plain(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return value


def main():
    book = openpyxl.load_workbook(sys.argv[1])
    sheets = {}
    for ws in book.worksheets:
        rows = [[{"value": plain(c.value), "type": c.data_type} for c in row] for row in ws.iter_rows()]
        sheets[ws.title] = {
            "header": ws.oddHeader.center.text,
            "footer": ws.oddFooter.center.text,
            "rows": rows,
        }
    print(json.dumps({"sheets": sheets}))


if __name__ == "__main__":
    main()
