/** Full-width digits as Chinese input methods type them (`２０２６`) → ASCII; everything else unchanged. */
export const asciiDigits = (text: string): string => text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
