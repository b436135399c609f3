// Seva portal: paying an invoice through Razorpay Checkout: its script from the URL the checkout answer names (the
// server's CSP allows exactly that origin), then the payment verified by the API before the invoice shows it.
import { api, ApiError } from '/assets/api.js';
import { h } from '/assets/dom.js';
import { label, me, money, showError } from '../../shell.js';

const scripts = new Map();

/** Loads Checkout's script once (its URL comes from the API; the CSP allows only the configured origin). */
function loadCheckout(url) {
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
    return Promise.reject(new Error('The payment page is not configured (no Checkout script).'));
  }
  if (!scripts.has(url)) {
    scripts.set(url, new Promise((resolve, reject) => {
      const s = h('script', { src: url, async: true });
      s.addEventListener('load', () => (typeof window.Razorpay === 'function' ? resolve()
        : reject(new Error('Razorpay Checkout did not load.'))));
      s.addEventListener('error', () => {
        scripts.delete(url);
        s.remove();
        reject(new Error('Razorpay Checkout could not be loaded. Check the connection and try again.'));
      });
      document.head.appendChild(s);
    }));
  }
  return scripts.get(url);
}

/**
 * Opens Checkout for what the invoice owes; {@code again(invoice, text)} shows the invoice once paid. Cancelling
 * and failing are said in {@code message}; the invoice stays payable.
 */
export async function pay(inv, message, again) {
  const c = await api(`/invoices/${encodeURIComponent(inv.id)}/checkout`, { method: 'POST', json: {} });
  await loadCheckout(c.checkoutScript);
  const busy = (text) => {
    message.className = 'muted';
    message.setAttribute('role', 'status');
    message.textContent = text;
  };
  const checkout = new window.Razorpay({
    key: c.keyId,
    amount: c.amountPaise,
    currency: c.currency,
    name: c.name,
    description: c.description,
    order_id: c.razorpayOrderId,
    prefill: { name: me.name || '', email: me.email || '' },
    notes: { invoice: c.invoiceNumber || '' },
    handler: async (answer) => {
      busy('Payment received; confirming it…');
      try {
        const paid = await api('/payments/verify', { method: 'POST', json: {
          razorpayOrderId: answer.razorpay_order_id,
          razorpayPaymentId: answer.razorpay_payment_id,
          razorpaySignature: answer.razorpay_signature,
        } });
        again(paid, `Thank you: ${money(paid.paidPaise)} received. The invoice is ${label(paid.status)
          .toLowerCase()}.`);
      } catch (e) {
        showError(message, e instanceof ApiError && e.code === 'PAYMENT_SIGNATURE_INVALID'
          ? new Error('The payment could not be confirmed (its signature does not match). If money left your '
            + 'account, the firm will see it when Razorpay reports it; do not pay again.')
          : e);
      }
    },
    modal: {
      ondismiss: () => {
        if (message.getAttribute('role') !== 'alert') {
          showError(message, new Error('Payment cancelled: the Razorpay window was closed before paying. Nothing '
            + 'was charged; you can pay again.'));
        }
      },
    },
  });
  checkout.on('payment.failed', (answer) => {
    const why = answer && answer.error && answer.error.description ? answer.error.description : 'No reason given.';
    showError(message, new Error(`The payment failed: ${why} Nothing was charged; you can try again.`));
  });
  busy('Razorpay Checkout is open.');
  checkout.open();
}
