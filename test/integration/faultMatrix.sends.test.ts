// The fault matrix for the operations that send: SMS send, schedule, sendBulk and OTP send (see faultMatrix.ts).
import { describeFaultMatrix } from './faultMatrixRunner';

describeFaultMatrix(['sms.send', 'sms.schedule', 'sms.sendBulk', 'otp.send']);
