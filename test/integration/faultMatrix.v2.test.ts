// The fault matrix again, every operation, with the credential on the panel's JSON API (v2).
import { describeFaultMatrix } from './faultMatrixRunner';

describeFaultMatrix(['sms.send', 'sms.schedule', 'sms.sendBulk', 'deliveryReport.get', 'account.getBalance', 'otp.send', 'otp.verify'], 'v2');
