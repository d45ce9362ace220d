using Shouldly;
using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// What a table cell holds: a number in every form people write one, a blank, or a label. Labels
/// are answered without cleaning as soon as they show a character no number form holds, so the
/// forms that do hold such characters (units, zero marks, round figures) are pinned here.
/// </summary>
public sealed class CountCellTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("123456789")]
    [InlineData("1,234")]
    [InlineData("１２")]
    [InlineData(" 12 ")]
    [InlineData("12件")]
    [InlineData("3 条")]
    [InlineData("7项")]
    [InlineData("356.20万元")]
    [InlineData("418000元")]
    [InlineData("18651.06")]
    [InlineData("-")]
    [InlineData("—")]
    [InlineData("——")]
    [InlineData("／")]
    [InlineData("\\")]
    [InlineData("无")]
    [InlineData("〇")]
    [InlineData("零")]
    [InlineData("O")]
    [InlineData("ｏ")]
    [InlineData("5份")]
    [InlineData("2篇")]
    [InlineData("-2")]
    [InlineData("+3")]
    [InlineData("-3条")]
    [InlineData("+2件")]
    [InlineData("40余条")]
    [InlineData("100多件")]
    [InlineData("约30件")]
    [InlineData("近10条")]
    public void Numbers_in_every_written_form_are_numbers(string cell) => CountCell.Classify(cell).ShouldBe(CellKind.Number, cell);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")]
    // Word's prompt in a content control left empty, as a text export or a converter writes it.
    [InlineData("单击或点击此处输入文字。")]
    [InlineData("单击此处输入文字。")]
    [InlineData("Click or tap here to enter text.")]
    public void Blank_cells_are_empty(string cell) => CountCell.Classify(cell).ShouldBe(CellKind.Empty);

    [Theory]
    [InlineData("1.属于国家秘密")]
    [InlineData("（一）予以公开")]
    [InlineData("2.其他法律行政止公开")]
    [InlineData("第二十条第（一）项")]
    [InlineData("总计")]
    [InlineData("12月")]
    [InlineData("无件")]
    [InlineData("二〇二三年")]
    [InlineData("零星")]
    [InlineData("OA系统")]
    [InlineData("O2O")]
    [InlineData("元")]
    [InlineData("1.2.3")]
    [InlineData("本年新收政府信息公开申请数量")]
    public void Labels_are_labels_even_with_digits_or_unit_words(string cell) => CountCell.Classify(cell).ShouldBe(CellKind.Label, cell);

    [Theory]
    [InlineData("1,61")]
    [InlineData("3,0")]
    [InlineData("12,345,6")]
    [InlineData("2,")]
    public void A_number_cut_at_its_thousands_is_a_number_that_cannot_be_read(string cell)
    {
        // What a wrap or a page break leaves of "1,616": a cell of the row (null, with an error), not a label.
        CountCell.Classify(cell).ShouldBe(CellKind.Number, cell);
        CountCell.ReadCount(cell).ShouldBeNull(cell);
    }

    [Theory]
    [InlineData("1O")]
    [InlineData("l41")]
    [InlineData("3l9")]
    [InlineData("2I")]
    [InlineData("1,O23")]
    [InlineData("l")]
    [InlineData("I")]
    public void A_number_with_a_letter_for_a_digit_is_a_number_that_cannot_be_read(string cell)
    {
        // What a typist or an OCR tool leaves of "10", "141", "319", "21", "1": a cell of the row (null, with an error),
        // never the label's text ("l41" gave "l" to the label and read 41).
        CountCell.Classify(cell).ShouldBe(CellKind.Number, cell);
        CountCell.ReadCount(cell).ShouldBeNull(cell);
    }

    [Theory]
    [InlineData("12件", 12)]
    [InlineData("1,234", 1234)]
    [InlineData("—", 0)]
    [InlineData("", 0)]
    [InlineData("40余条", null)]
    [InlineData("10余份", null)]
    [InlineData("〇", 0)]
    [InlineData("零", 0)]
    [InlineData("O", 0)] // a zero typed or recognised as the letter
    [InlineData("o", 0)]
    [InlineData("Ｏ", 0)]
    [InlineData("5份", 5)]
    [InlineData("2篇", 2)]
    [InlineData("1.属于国家秘密", null)]
    public void Counts_are_read_exactly_or_not_at_all(string cell, int? expected) => CountCell.ReadCount(cell).ShouldBe(expected);

    [Theory]
    [InlineData("-2", -2)]
    [InlineData("+3", 3)]
    [InlineData("-3条", -3)]
    [InlineData("+2件", 2)]
    [InlineData("—", 0)]
    public void Changes_of_the_2019_template_keep_their_sign_and_drop_their_unit(string cell, int expected) => CountCell.ReadSigned(cell).ShouldBe(expected);

    // Narrow cells of a table of counts that pdftotext set without the space between them: each zero mark is a cell of
    // its own, and so is each 无, wherever it stands.
    [Theory]
    [InlineData("0-", "0|-")]
    [InlineData("/0", "/|0")]
    [InlineData("无无", "无|无")]
    [InlineData("0无", "0|无")]
    [InlineData("无12无", "无|12|无")]
    public void Cells_glued_of_zero_marks_part_into_their_cells(string text, string cells) =>
        CountCell.SplitGluedMark(text).ShouldBe(cells.Split('|'));

    [Theory]
    [InlineData("12")]
    [InlineData("05")]
    [InlineData("无")]
    [InlineData("——")]
    [InlineData("00")] // digits run together: the digit splitter parts them, over the table's arithmetic
    public void A_cell_that_is_one_cell_is_not_parted(string text) => CountCell.SplitGluedMark(text).ShouldBeNull();
}
