export { formatTicketNumber } from './ticket-number.js';
