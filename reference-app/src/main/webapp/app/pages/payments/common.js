// Seva portal: what the payments pages share: invoice statuses, who may pay and refund, GST state codes, and rupees
// typed by people read exactly into paise (a decimal string, never floating point).

export const STATUSES = ['DRAFT', 'ISSUED', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOID'];
export const CAN_PAY = ['TENANT_ADMIN', 'MANAGER', 'STAFF', 'CLIENT'];
export const CAN_REFUND = ['TENANT_ADMIN', 'MANAGER'];

/** GST state codes (the first two digits of a GSTIN). */
export const STATES = {
  '01': 'Jammu and Kashmir', '02': 'Himachal Pradesh', '03': 'Punjab', '04': 'Chandigarh', '05': 'Uttarakhand',
  '06': 'Haryana', '07': 'Delhi', '08': 'Rajasthan', '09': 'Uttar Pradesh', 10: 'Bihar', 11: 'Sikkim',
  12: 'Arunachal Pradesh', 13: 'Nagaland', 14: 'Manipur', 15: 'Mizoram', 16: 'Tripura', 17: 'Meghalaya', 18: 'Assam',
  19: 'West Bengal', 20: 'Jharkhand', 21: 'Odisha', 22: 'Chhattisgarh', 23: 'Madhya Pradesh', 24: 'Gujarat',
  26: 'Dadra and Nagar Haveli and Daman and Diu', 27: 'Maharashtra', 29: 'Karnataka', 30: 'Goa', 31: 'Lakshadweep',
  32: 'Kerala', 33: 'Tamil Nadu', 34: 'Puducherry', 35: 'Andaman and Nicobar Islands', 36: 'Telangana',
  37: 'Andhra Pradesh', 38: 'Ladakh', 97: 'Other Territory',
};

/** @returns {string} "29 Karnataka" for 29 ('' for none) */
export function stateName(code) {
  return code ? `${code} ${STATES[code] || ''}`.trim() : '';
}

/**
 * Parses rupees as typed ("1,180", "1180.5", "1180.50") into paise, exactly: the digits are read as a string.
 * @returns {number|null} paise, or null when the text is not an amount with at most two decimals
 */
export function toPaise(text) {
  const s = String(text || '').trim().replace(/[,\s]/g, '').replace(/^₹/, '');
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) {
    return null;
  }
  return Number(m[1]) * 100 + Number((m[2] || '').padEnd(2, '0'));
}
