/**
 * PDF building blocks shared by every report: the CJK TrueType font (PDFBox cannot embed CFF-based OpenType such
 * as Noto CJK), a page flow with wrapped text, tables and images, and page numbers.
 */
package io.cordon.server.report.pdf;
