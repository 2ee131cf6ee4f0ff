import 'reflect-metadata';
import { Settings } from 'luxon';

// An invalid DateTime must fail loudly in tests exactly as it does in the app.
Settings.throwOnInvalid = true;
