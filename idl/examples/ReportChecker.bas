REM  Example: call the OGI Report Checker from LibreOffice Basic.
REM  Tools > Macros > Edit Macros, paste into a module, run CheckCurrentDocument on an
REM  open report (Writer or Calc). Tested by tests/integration (test_macros.py).

Sub CheckCurrentDocument
    MsgBox ReportSummary(ThisComponent)
End Sub

REM  Checks oDoc, marks the cells of the findings and returns a readable summary.
Function ReportSummary(oDoc As Object) As String
    Dim oChecker As Object
    Dim aDiags As Variant
    Dim d As Object
    Dim s As String
    Dim i As Long
    oChecker = createUnoService("org.ogi.reportchecker.ReportChecker")
    aDiags = oChecker.check(oDoc)
    For i = LBound(aDiags) To UBound(aDiags)
        d = aDiags(i)
        s = s & d.Rule & " " & d.Severity & " " & d.Cell.TableName & "." & d.Cell.Address & ": " & d.Message & Chr(10)
    Next i
    ReportSummary = (UBound(aDiags) - LBound(aDiags) + 1) & " finding(s), " & oChecker.highlight(oDoc) & " cell(s) marked" & Chr(10) & s
End Function
