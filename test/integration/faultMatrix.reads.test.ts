// The fault matrix for the reads and OTP verify: delivery report, balance, verify (see faultMatrix.ts).
import { describeFaultMatrix } from './faultMatrixRunner';

describeFaultMatrix(['deliveryReport.get', 'account.getBalance', 'otp.verify']);
