NAME knapsack40x3_1
OBJSENSE
    MAX
ROWS
 N  value
 L  capacity0
 L  capacity1
 L  capacity2
COLUMNS
    MARKER0  'MARKER'  'INTORG'
    x0  value  58.0
    x0  capacity0  54.0
    x0  capacity1  42.0
    x0  capacity2  52.0
    x1  value  40.0
    x1  capacity0  44.0
    x1  capacity1  43.0
    x1  capacity2  25.0
    x2  value  21.0
    x2  capacity0  10.0
    x2  capacity1  41.0
    x2  capacity2  28.0
    x3  value  42.0
    x3  capacity0  39.0
    x3  capacity1  30.0
    x3  capacity2  12.0
    x4  value  28.0
    x4  capacity0  13.0
    x4  capacity1  14.0
    x4  capacity2  21.0
    x5  value  48.0
    x5  capacity0  27.0
    x5  capacity1  35.0
    x5  capacity2  36.0
    x6  value  39.0
    x6  capacity0  52.0
    x6  capacity1  10.0
    x6  capacity2  53.0
    x7  value  51.0
    x7  capacity0  16.0
    x7  capacity1  36.0
    x7  capacity2  56.0
    x8  value  43.0
    x8  capacity0  46.0
    x8  capacity1  39.0
    x8  capacity2  37.0
    x9  value  29.0
    x9  capacity0  11.0
    x9  capacity1  27.0
    x9  capacity2  40.0
    x10  value  43.0
    x10  capacity0  16.0
    x10  capacity1  19.0
    x10  capacity2  60.0
    x11  value  49.0
    x11  capacity0  50.0
    x11  capacity1  60.0
    x11  capacity2  37.0
    x12  value  41.0
    x12  capacity0  48.0
    x12  capacity1  35.0
    x12  capacity2  43.0
    x13  value  61.0
    x13  capacity0  38.0
    x13  capacity1  52.0
    x13  capacity2  49.0
    x14  value  38.0
    x14  capacity0  32.0
    x14  capacity1  39.0
    x14  capacity2  14.0
    x15  value  38.0
    x15  capacity0  27.0
    x15  capacity1  38.0
    x15  capacity2  51.0
    x16  value  44.0
    x16  capacity0  34.0
    x16  capacity1  40.0
    x16  capacity2  56.0
    x17  value  38.0
    x17  capacity0  45.0
    x17  capacity1  33.0
    x17  capacity2  15.0
    x18  value  35.0
    x18  capacity0  48.0
    x18  capacity1  20.0
    x18  capacity2  43.0
    x19  value  36.0
    x19  capacity0  10.0
    x19  capacity1  33.0
    x19  capacity2  36.0
    x20  value  43.0
    x20  capacity0  20.0
    x20  capacity1  46.0
    x20  capacity2  49.0
    x21  value  31.0
    x21  capacity0  49.0
    x21  capacity1  18.0
    x21  capacity2  20.0
    x22  value  20.0
    x22  capacity0  10.0
    x22  capacity1  24.0
    x22  capacity2  42.0
    x23  value  43.0
    x23  capacity0  57.0
    x23  capacity1  27.0
    x23  capacity2  47.0
    x24  value  48.0
    x24  capacity0  52.0
    x24  capacity1  10.0
    x24  capacity2  38.0
    x25  value  31.0
    x25  capacity0  50.0
    x25  capacity1  29.0
    x25  capacity2  25.0
    x26  value  36.0
    x26  capacity0  41.0
    x26  capacity1  28.0
    x26  capacity2  22.0
    x27  value  41.0
    x27  capacity0  42.0
    x27  capacity1  33.0
    x27  capacity2  29.0
    x28  value  33.0
    x28  capacity0  56.0
    x28  capacity1  11.0
    x28  capacity2  43.0
    x29  value  45.0
    x29  capacity0  30.0
    x29  capacity1  27.0
    x29  capacity2  56.0
    x30  value  38.0
    x30  capacity0  38.0
    x30  capacity1  36.0
    x30  capacity2  42.0
    x31  value  50.0
    x31  capacity0  46.0
    x31  capacity1  16.0
    x31  capacity2  42.0
    x32  value  42.0
    x32  capacity0  47.0
    x32  capacity1  38.0
    x32  capacity2  40.0
    x33  value  58.0
    x33  capacity0  54.0
    x33  capacity1  52.0
    x33  capacity2  28.0
    x34  value  32.0
    x34  capacity0  40.0
    x34  capacity1  12.0
    x34  capacity2  53.0
    x35  value  53.0
    x35  capacity0  21.0
    x35  capacity1  44.0
    x35  capacity2  49.0
    x36  value  32.0
    x36  capacity0  36.0
    x36  capacity1  27.0
    x36  capacity2  33.0
    x37  value  49.0
    x37  capacity0  28.0
    x37  capacity1  20.0
    x37  capacity2  54.0
    x38  value  62.0
    x38  capacity0  60.0
    x38  capacity1  38.0
    x38  capacity2  56.0
    x39  value  31.0
    x39  capacity0  38.0
    x39  capacity1  30.0
    x39  capacity2  40.0
    MARKER1  'MARKER'  'INTEND'
RHS
    RHS  capacity0  737.0
    RHS  capacity1  626.0
    RHS  capacity2  786.0
BOUNDS
 UP BND  x0  1.0
 UP BND  x1  1.0
 UP BND  x2  1.0
 UP BND  x3  1.0
 UP BND  x4  1.0
 UP BND  x5  1.0
 UP BND  x6  1.0
 UP BND  x7  1.0
 UP BND  x8  1.0
 UP BND  x9  1.0
 UP BND  x10  1.0
 UP BND  x11  1.0
 UP BND  x12  1.0
 UP BND  x13  1.0
 UP BND  x14  1.0
 UP BND  x15  1.0
 UP BND  x16  1.0
 UP BND  x17  1.0
 UP BND  x18  1.0
 UP BND  x19  1.0
 UP BND  x20  1.0
 UP BND  x21  1.0
 UP BND  x22  1.0
 UP BND  x23  1.0
 UP BND  x24  1.0
 UP BND  x25  1.0
 UP BND  x26  1.0
 UP BND  x27  1.0
 UP BND  x28  1.0
 UP BND  x29  1.0
 UP BND  x30  1.0
 UP BND  x31  1.0
 UP BND  x32  1.0
 UP BND  x33  1.0
 UP BND  x34  1.0
 UP BND  x35  1.0
 UP BND  x36  1.0
 UP BND  x37  1.0
 UP BND  x38  1.0
 UP BND  x39  1.0
ENDATA
