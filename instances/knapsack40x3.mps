NAME          knapsack40x3_1
OBJSENSE
 MAX
ROWS
 N   value
 L   capacity0
 L   capacity1
 L   capacity2
COLUMNS
 MARKER  'MARKER'  'INTORG'
 x0  value  58
 x0  capacity0  54
 x0  capacity1  42
 x0  capacity2  52
 x1  value  40
 x1  capacity0  44
 x1  capacity1  43
 x1  capacity2  25
 x2  value  21
 x2  capacity0  10
 x2  capacity1  41
 x2  capacity2  28
 x3  value  42
 x3  capacity0  39
 x3  capacity1  30
 x3  capacity2  12
 x4  value  28
 x4  capacity0  13
 x4  capacity1  14
 x4  capacity2  21
 x5  value  48
 x5  capacity0  27
 x5  capacity1  35
 x5  capacity2  36
 x6  value  39
 x6  capacity0  52
 x6  capacity1  10
 x6  capacity2  53
 x7  value  51
 x7  capacity0  16
 x7  capacity1  36
 x7  capacity2  56
 x8  value  43
 x8  capacity0  46
 x8  capacity1  39
 x8  capacity2  37
 x9  value  29
 x9  capacity0  11
 x9  capacity1  27
 x9  capacity2  40
 x10  value  43
 x10  capacity0  16
 x10  capacity1  19
 x10  capacity2  60
 x11  value  49
 x11  capacity0  50
 x11  capacity1  60
 x11  capacity2  37
 x12  value  41
 x12  capacity0  48
 x12  capacity1  35
 x12  capacity2  43
 x13  value  61
 x13  capacity0  38
 x13  capacity1  52
 x13  capacity2  49
 x14  value  38
 x14  capacity0  32
 x14  capacity1  39
 x14  capacity2  14
 x15  value  38
 x15  capacity0  27
 x15  capacity1  38
 x15  capacity2  51
 x16  value  44
 x16  capacity0  34
 x16  capacity1  40
 x16  capacity2  56
 x17  value  38
 x17  capacity0  45
 x17  capacity1  33
 x17  capacity2  15
 x18  value  35
 x18  capacity0  48
 x18  capacity1  20
 x18  capacity2  43
 x19  value  36
 x19  capacity0  10
 x19  capacity1  33
 x19  capacity2  36
 x20  value  43
 x20  capacity0  20
 x20  capacity1  46
 x20  capacity2  49
 x21  value  31
 x21  capacity0  49
 x21  capacity1  18
 x21  capacity2  20
 x22  value  20
 x22  capacity0  10
 x22  capacity1  24
 x22  capacity2  42
 x23  value  43
 x23  capacity0  57
 x23  capacity1  27
 x23  capacity2  47
 x24  value  48
 x24  capacity0  52
 x24  capacity1  10
 x24  capacity2  38
 x25  value  31
 x25  capacity0  50
 x25  capacity1  29
 x25  capacity2  25
 x26  value  36
 x26  capacity0  41
 x26  capacity1  28
 x26  capacity2  22
 x27  value  41
 x27  capacity0  42
 x27  capacity1  33
 x27  capacity2  29
 x28  value  33
 x28  capacity0  56
 x28  capacity1  11
 x28  capacity2  43
 x29  value  45
 x29  capacity0  30
 x29  capacity1  27
 x29  capacity2  56
 x30  value  38
 x30  capacity0  38
 x30  capacity1  36
 x30  capacity2  42
 x31  value  50
 x31  capacity0  46
 x31  capacity1  16
 x31  capacity2  42
 x32  value  42
 x32  capacity0  47
 x32  capacity1  38
 x32  capacity2  40
 x33  value  58
 x33  capacity0  54
 x33  capacity1  52
 x33  capacity2  28
 x34  value  32
 x34  capacity0  40
 x34  capacity1  12
 x34  capacity2  53
 x35  value  53
 x35  capacity0  21
 x35  capacity1  44
 x35  capacity2  49
 x36  value  32
 x36  capacity0  36
 x36  capacity1  27
 x36  capacity2  33
 x37  value  49
 x37  capacity0  28
 x37  capacity1  20
 x37  capacity2  54
 x38  value  62
 x38  capacity0  60
 x38  capacity1  38
 x38  capacity2  56
 x39  value  31
 x39  capacity0  38
 x39  capacity1  30
 x39  capacity2  40
 MARKER  'MARKER'  'INTEND'
RHS
 RHS  capacity0  737
 RHS  capacity1  626
 RHS  capacity2  786
BOUNDS
 UP  BND  x0   1
 UP  BND  x1   1
 UP  BND  x2   1
 UP  BND  x3   1
 UP  BND  x4   1
 UP  BND  x5   1
 UP  BND  x6   1
 UP  BND  x7   1
 UP  BND  x8   1
 UP  BND  x9   1
 UP  BND  x10  1
 UP  BND  x11  1
 UP  BND  x12  1
 UP  BND  x13  1
 UP  BND  x14  1
 UP  BND  x15  1
 UP  BND  x16  1
 UP  BND  x17  1
 UP  BND  x18  1
 UP  BND  x19  1
 UP  BND  x20  1
 UP  BND  x21  1
 UP  BND  x22  1
 UP  BND  x23  1
 UP  BND  x24  1
 UP  BND  x25  1
 UP  BND  x26  1
 UP  BND  x27  1
 UP  BND  x28  1
 UP  BND  x29  1
 UP  BND  x30  1
 UP  BND  x31  1
 UP  BND  x32  1
 UP  BND  x33  1
 UP  BND  x34  1
 UP  BND  x35  1
 UP  BND  x36  1
 UP  BND  x37  1
 UP  BND  x38  1
 UP  BND  x39  1
ENDATA
