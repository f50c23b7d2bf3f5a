/**
 * A workbook holding what an .xlsx library may drop on rewrite: a chart, an image, data validation and comments.
 * exceljs writes all but the chart; the chart part is added to the zip by hand, wired as Excel wires it.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import zlib from 'zlib';
import { gridToXlsx } from '../helpers';
import { WorkbookGrid } from '../../src/core/grid';

function png1x1(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const idat = zlib.deflateSync(Buffer.from([0, 255, 0, 0]));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

const CHART_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Sheet1!$C$8:$C$10</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

/** The given workbook, plus an image, a list validation and a note on its first sheet, and a chart part. */
export async function richWorkbook(wb: WorkbookGrid): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await gridToXlsx(wb)) as any);
  const ws = book.worksheets[0];
  const imageId = book.addImage({ buffer: png1x1() as any, extension: 'png' });
  ws.addImage(imageId, { tl: { col: 10, row: 1 }, ext: { width: 10, height: 10 } });
  ws.getCell('K5').dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
  ws.getCell('K6').note = '原有批注';
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  zip.file('xl/charts/chart1.xml', CHART_XML);
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>'));
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}
