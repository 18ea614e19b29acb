NAME          setcover60x120_2
ROWS
 N   cost
 G   cover0
 G   cover1
 G   cover2
 G   cover3
 G   cover4
 G   cover5
 G   cover6
 G   cover7
 G   cover8
 G   cover9
 G   cover10
 G   cover11
 G   cover12
 G   cover13
 G   cover14
 G   cover15
 G   cover16
 G   cover17
 G   cover18
 G   cover19
 G   cover20
 G   cover21
 G   cover22
 G   cover23
 G   cover24
 G   cover25
 G   cover26
 G   cover27
 G   cover28
 G   cover29
 G   cover30
 G   cover31
 G   cover32
 G   cover33
 G   cover34
 G   cover35
 G   cover36
 G   cover37
 G   cover38
 G   cover39
 G   cover40
 G   cover41
 G   cover42
 G   cover43
 G   cover44
 G   cover45
 G   cover46
 G   cover47
 G   cover48
 G   cover49
 G   cover50
 G   cover51
 G   cover52
 G   cover53
 G   cover54
 G   cover55
 G   cover56
 G   cover57
 G   cover58
 G   cover59
COLUMNS
 MARKER  'MARKER'  'INTORG'
 s0  cost  11
 s0  cover15   1
 s0  cover18   1
 s0  cover24   1
 s0  cover31   1
 s0  cover32   1
 s0  cover34   1
 s0  cover35   1
 s0  cover37   1
 s0  cover52   1
 s0  cover57   1
 s0  cover59   1
 s1  cost  7
 s1  cover0  1
 s1  cover13   1
 s1  cover14   1
 s1  cover25   1
 s1  cover28   1
 s1  cover31   1
 s1  cover39   1
 s1  cover53   1
 s1  cover56   1
 s2  cost  12
 s2  cover4  1
 s2  cover5  1
 s2  cover10   1
 s2  cover22   1
 s2  cover23   1
 s2  cover39   1
 s2  cover43   1
 s2  cover44   1
 s3  cost  17
 s3  cover6  1
 s3  cover7  1
 s3  cover10   1
 s3  cover17   1
 s3  cover23   1
 s3  cover34   1
 s3  cover46   1
 s3  cover54   1
 s3  cover55   1
 s3  cover58   1
 s4  cost  10
 s4  cover9  1
 s4  cover18   1
 s4  cover19   1
 s4  cover23   1
 s4  cover31   1
 s4  cover33   1
 s4  cover34   1
 s4  cover35   1
 s4  cover37   1
 s4  cover41   1
 s4  cover42   1
 s4  cover48   1
 s4  cover51   1
 s4  cover53   1
 s4  cover57   1
 s4  cover58   1
 s4  cover59   1
 s5  cost  20
 s5  cover2  1
 s5  cover9  1
 s5  cover19   1
 s5  cover20   1
 s5  cover23   1
 s5  cover47   1
 s6  cost  3
 s6  cover1  1
 s6  cover9  1
 s6  cover14   1
 s6  cover21   1
 s6  cover23   1
 s6  cover28   1
 s6  cover39   1
 s6  cover45   1
 s6  cover54   1
 s7  cost  16
 s7  cover5  1
 s7  cover12   1
 s7  cover19   1
 s7  cover22   1
 s7  cover24   1
 s7  cover35   1
 s7  cover44   1
 s7  cover45   1
 s7  cover48   1
 s7  cover49   1
 s7  cover53   1
 s7  cover54   1
 s7  cover59   1
 s8  cost  20
 s8  cover8  1
 s8  cover12   1
 s8  cover14   1
 s8  cover26   1
 s8  cover35   1
 s8  cover38   1
 s8  cover42   1
 s8  cover56   1
 s9  cost  13
 s9  cover12   1
 s9  cover14   1
 s9  cover22   1
 s9  cover35   1
 s9  cover37   1
 s9  cover44   1
 s9  cover49   1
 s9  cover59   1
 s10  cost  10
 s10  cover6   1
 s10  cover10  1
 s10  cover14  1
 s10  cover19  1
 s10  cover30  1
 s10  cover32  1
 s10  cover43  1
 s10  cover44  1
 s10  cover46  1
 s10  cover57  1
 s10  cover59  1
 s11  cost  16
 s11  cover14  1
 s11  cover19  1
 s11  cover22  1
 s11  cover24  1
 s11  cover25  1
 s11  cover27  1
 s11  cover28  1
 s11  cover31  1
 s11  cover38  1
 s11  cover45  1
 s11  cover50  1
 s12  cost  18
 s12  cover8   1
 s12  cover20  1
 s12  cover25  1
 s12  cover26  1
 s12  cover29  1
 s12  cover38  1
 s12  cover40  1
 s12  cover59  1
 s13  cost  7
 s13  cover1   1
 s13  cover5   1
 s13  cover7   1
 s13  cover15  1
 s13  cover17  1
 s13  cover28  1
 s13  cover38  1
 s13  cover42  1
 s14  cost  16
 s14  cover2   1
 s14  cover10  1
 s14  cover11  1
 s14  cover17  1
 s14  cover28  1
 s14  cover34  1
 s14  cover53  1
 s15  cost  2
 s15  cover8   1
 s15  cover12  1
 s15  cover18  1
 s15  cover22  1
 s15  cover24  1
 s15  cover47  1
 s15  cover50  1
 s15  cover55  1
 s15  cover58  1
 s16  cost  15
 s16  cover0   1
 s16  cover1   1
 s16  cover6   1
 s16  cover11  1
 s16  cover14  1
 s16  cover22  1
 s16  cover35  1
 s16  cover40  1
 s16  cover49  1
 s16  cover52  1
 s16  cover54  1
 s16  cover56  1
 s16  cover57  1
 s17  cost  1
 s17  cover5   1
 s17  cover9   1
 s17  cover18  1
 s17  cover21  1
 s17  cover24  1
 s17  cover29  1
 s17  cover33  1
 s17  cover42  1
 s17  cover52  1
 s17  cover54  1
 s18  cost  19
 s18  cover1   1
 s18  cover7   1
 s18  cover8   1
 s18  cover14  1
 s18  cover16  1
 s18  cover31  1
 s18  cover40  1
 s18  cover44  1
 s19  cost  14
 s19  cover4   1
 s19  cover5   1
 s19  cover11  1
 s19  cover17  1
 s19  cover36  1
 s19  cover39  1
 s19  cover40  1
 s19  cover45  1
 s19  cover52  1
 s20  cost  10
 s20  cover4   1
 s20  cover8   1
 s20  cover13  1
 s20  cover14  1
 s20  cover19  1
 s20  cover22  1
 s20  cover24  1
 s20  cover26  1
 s20  cover28  1
 s20  cover33  1
 s20  cover36  1
 s20  cover49  1
 s20  cover51  1
 s20  cover56  1
 s20  cover57  1
 s21  cost  6
 s21  cover3   1
 s21  cover7   1
 s21  cover14  1
 s21  cover16  1
 s21  cover19  1
 s21  cover35  1
 s21  cover38  1
 s21  cover49  1
 s21  cover51  1
 s22  cost  2
 s22  cover1   1
 s22  cover8   1
 s22  cover26  1
 s22  cover34  1
 s22  cover41  1
 s22  cover42  1
 s22  cover55  1
 s23  cost  19
 s23  cover2   1
 s23  cover5   1
 s23  cover14  1
 s23  cover16  1
 s23  cover18  1
 s23  cover20  1
 s23  cover21  1
 s23  cover25  1
 s23  cover36  1
 s23  cover42  1
 s23  cover52  1
 s24  cost  5
 s24  cover4   1
 s24  cover10  1
 s24  cover14  1
 s24  cover40  1
 s24  cover41  1
 s24  cover59  1
 s25  cost  7
 s25  cover8   1
 s25  cover15  1
 s25  cover20  1
 s25  cover21  1
 s25  cover25  1
 s25  cover27  1
 s25  cover43  1
 s25  cover50  1
 s25  cover53  1
 s25  cover56  1
 s25  cover59  1
 s26  cost  3
 s26  cover15  1
 s26  cover20  1
 s26  cover26  1
 s26  cover44  1
 s26  cover47  1
 s26  cover53  1
 s26  cover58  1
 s27  cost  9
 s27  cover2   1
 s27  cover11  1
 s27  cover34  1
 s27  cover38  1
 s27  cover40  1
 s27  cover54  1
 s27  cover56  1
 s28  cost  18
 s28  cover0   1
 s28  cover4   1
 s28  cover5   1
 s28  cover6   1
 s28  cover10  1
 s28  cover14  1
 s28  cover23  1
 s28  cover25  1
 s28  cover30  1
 s28  cover33  1
 s28  cover36  1
 s28  cover38  1
 s28  cover47  1
 s29  cost  3
 s29  cover9   1
 s29  cover18  1
 s29  cover19  1
 s29  cover24  1
 s29  cover35  1
 s29  cover37  1
 s29  cover38  1
 s29  cover40  1
 s29  cover41  1
 s29  cover45  1
 s29  cover55  1
 s30  cost  2
 s30  cover7   1
 s30  cover20  1
 s30  cover22  1
 s30  cover24  1
 s30  cover32  1
 s30  cover33  1
 s30  cover36  1
 s30  cover37  1
 s30  cover41  1
 s30  cover43  1
 s30  cover46  1
 s30  cover50  1
 s31  cost  14
 s31  cover7   1
 s31  cover12  1
 s31  cover13  1
 s31  cover23  1
 s31  cover27  1
 s31  cover28  1
 s31  cover30  1
 s31  cover32  1
 s31  cover38  1
 s31  cover43  1
 s31  cover55  1
 s32  cost  8
 s32  cover10  1
 s32  cover13  1
 s32  cover15  1
 s32  cover17  1
 s32  cover20  1
 s32  cover31  1
 s32  cover44  1
 s32  cover48  1
 s32  cover49  1
 s32  cover50  1
 s32  cover56  1
 s33  cost  5
 s33  cover4   1
 s33  cover12  1
 s33  cover15  1
 s33  cover24  1
 s33  cover25  1
 s33  cover38  1
 s33  cover40  1
 s33  cover41  1
 s33  cover47  1
 s33  cover55  1
 s33  cover59  1
 s34  cost  2
 s34  cover0   1
 s34  cover11  1
 s34  cover12  1
 s34  cover14  1
 s34  cover17  1
 s34  cover29  1
 s34  cover37  1
 s34  cover52  1
 s35  cost  20
 s35  cover10  1
 s35  cover14  1
 s35  cover19  1
 s35  cover32  1
 s35  cover33  1
 s35  cover37  1
 s35  cover45  1
 s35  cover58  1
 s36  cost  17
 s36  cover1   1
 s36  cover2   1
 s36  cover5   1
 s36  cover9   1
 s36  cover16  1
 s36  cover19  1
 s36  cover25  1
 s36  cover26  1
 s36  cover28  1
 s36  cover33  1
 s36  cover40  1
 s36  cover42  1
 s36  cover44  1
 s36  cover45  1
 s36  cover46  1
 s36  cover47  1
 s36  cover48  1
 s36  cover52  1
 s37  cost  2
 s37  cover0   1
 s37  cover5   1
 s37  cover6   1
 s37  cover7   1
 s37  cover10  1
 s37  cover11  1
 s37  cover16  1
 s37  cover20  1
 s37  cover21  1
 s37  cover28  1
 s37  cover30  1
 s37  cover31  1
 s37  cover41  1
 s37  cover57  1
 s37  cover59  1
 s38  cost  4
 s38  cover2   1
 s38  cover3   1
 s38  cover11  1
 s38  cover18  1
 s38  cover30  1
 s38  cover33  1
 s38  cover36  1
 s38  cover44  1
 s38  cover52  1
 s39  cost  18
 s39  cover12  1
 s39  cover21  1
 s39  cover25  1
 s39  cover26  1
 s39  cover29  1
 s39  cover35  1
 s39  cover36  1
 s39  cover43  1
 s39  cover44  1
 s39  cover45  1
 s40  cost  19
 s40  cover0   1
 s40  cover5   1
 s40  cover7   1
 s40  cover8   1
 s40  cover10  1
 s40  cover20  1
 s40  cover23  1
 s40  cover35  1
 s40  cover41  1
 s40  cover43  1
 s40  cover44  1
 s40  cover52  1
 s40  cover58  1
 s41  cost  3
 s41  cover11  1
 s41  cover13  1
 s41  cover28  1
 s41  cover36  1
 s41  cover38  1
 s41  cover45  1
 s41  cover48  1
 s41  cover55  1
 s42  cost  16
 s42  cover1   1
 s42  cover19  1
 s42  cover22  1
 s42  cover40  1
 s42  cover44  1
 s42  cover55  1
 s42  cover58  1
 s43  cost  20
 s43  cover4   1
 s43  cover6   1
 s43  cover13  1
 s43  cover14  1
 s43  cover16  1
 s43  cover19  1
 s43  cover23  1
 s43  cover26  1
 s43  cover29  1
 s43  cover38  1
 s43  cover39  1
 s43  cover56  1
 s43  cover59  1
 s44  cost  1
 s44  cover13  1
 s44  cover17  1
 s44  cover28  1
 s44  cover34  1
 s44  cover36  1
 s44  cover43  1
 s44  cover49  1
 s44  cover59  1
 s45  cost  11
 s45  cover0   1
 s45  cover6   1
 s45  cover10  1
 s45  cover15  1
 s45  cover16  1
 s45  cover20  1
 s45  cover44  1
 s45  cover50  1
 s45  cover58  1
 s46  cost  14
 s46  cover0   1
 s46  cover12  1
 s46  cover26  1
 s46  cover29  1
 s46  cover34  1
 s46  cover35  1
 s46  cover39  1
 s46  cover42  1
 s47  cost  1
 s47  cover24  1
 s47  cover25  1
 s47  cover28  1
 s47  cover30  1
 s47  cover45  1
 s47  cover49  1
 s47  cover50  1
 s47  cover53  1
 s48  cost  7
 s48  cover4   1
 s48  cover10  1
 s48  cover12  1
 s48  cover22  1
 s48  cover28  1
 s48  cover34  1
 s48  cover36  1
 s48  cover40  1
 s48  cover47  1
 s48  cover50  1
 s48  cover51  1
 s48  cover57  1
 s49  cost  20
 s49  cover3   1
 s49  cover8   1
 s49  cover10  1
 s49  cover12  1
 s49  cover13  1
 s49  cover18  1
 s49  cover23  1
 s49  cover26  1
 s49  cover29  1
 s49  cover34  1
 s50  cost  6
 s50  cover2   1
 s50  cover7   1
 s50  cover14  1
 s50  cover32  1
 s50  cover52  1
 s51  cost  12
 s51  cover5   1
 s51  cover7   1
 s51  cover15  1
 s51  cover27  1
 s51  cover51  1
 s51  cover57  1
 s52  cost  8
 s52  cover24  1
 s52  cover25  1
 s52  cover26  1
 s52  cover40  1
 s52  cover45  1
 s52  cover47  1
 s52  cover48  1
 s53  cost  19
 s53  cover8   1
 s53  cover25  1
 s53  cover30  1
 s53  cover32  1
 s53  cover33  1
 s53  cover48  1
 s53  cover56  1
 s54  cost  14
 s54  cover1   1
 s54  cover4   1
 s54  cover5   1
 s54  cover10  1
 s54  cover16  1
 s54  cover22  1
 s54  cover34  1
 s54  cover42  1
 s54  cover45  1
 s54  cover47  1
 s54  cover55  1
 s55  cost  10
 s55  cover1   1
 s55  cover8   1
 s55  cover11  1
 s55  cover37  1
 s55  cover39  1
 s55  cover54  1
 s56  cost  11
 s56  cover12  1
 s56  cover13  1
 s56  cover20  1
 s56  cover21  1
 s56  cover28  1
 s56  cover30  1
 s56  cover41  1
 s56  cover42  1
 s56  cover43  1
 s56  cover49  1
 s56  cover50  1
 s56  cover51  1
 s56  cover53  1
 s56  cover54  1
 s57  cost  12
 s57  cover2   1
 s57  cover9   1
 s57  cover24  1
 s57  cover27  1
 s57  cover30  1
 s57  cover35  1
 s57  cover42  1
 s57  cover54  1
 s57  cover55  1
 s57  cover59  1
 s58  cost  2
 s58  cover1   1
 s58  cover20  1
 s58  cover27  1
 s58  cover28  1
 s58  cover30  1
 s58  cover34  1
 s58  cover47  1
 s58  cover58  1
 s59  cost  13
 s59  cover5   1
 s59  cover10  1
 s59  cover12  1
 s59  cover13  1
 s59  cover17  1
 s59  cover18  1
 s59  cover27  1
 s59  cover36  1
 s59  cover40  1
 s60  cost  12
 s60  cover2   1
 s60  cover3   1
 s60  cover15  1
 s60  cover20  1
 s60  cover28  1
 s60  cover30  1
 s60  cover38  1
 s60  cover45  1
 s60  cover47  1
 s61  cost  12
 s61  cover1   1
 s61  cover5   1
 s61  cover21  1
 s61  cover22  1
 s61  cover45  1
 s62  cost  5
 s62  cover0   1
 s62  cover1   1
 s62  cover7   1
 s62  cover20  1
 s62  cover25  1
 s62  cover27  1
 s62  cover28  1
 s62  cover41  1
 s62  cover50  1
 s63  cost  5
 s63  cover0   1
 s63  cover1   1
 s63  cover3   1
 s63  cover6   1
 s63  cover15  1
 s63  cover25  1
 s63  cover42  1
 s63  cover50  1
 s63  cover56  1
 s63  cover58  1
 s64  cost  9
 s64  cover14  1
 s64  cover16  1
 s64  cover27  1
 s64  cover43  1
 s64  cover52  1
 s64  cover53  1
 s64  cover59  1
 s65  cost  5
 s65  cover5   1
 s65  cover7   1
 s65  cover12  1
 s65  cover21  1
 s65  cover29  1
 s65  cover31  1
 s65  cover40  1
 s65  cover42  1
 s65  cover48  1
 s65  cover50  1
 s65  cover59  1
 s66  cost  4
 s66  cover2   1
 s66  cover10  1
 s66  cover12  1
 s66  cover19  1
 s66  cover25  1
 s66  cover35  1
 s66  cover47  1
 s66  cover51  1
 s66  cover53  1
 s66  cover55  1
 s66  cover59  1
 s67  cost  14
 s67  cover22  1
 s67  cover29  1
 s67  cover39  1
 s67  cover49  1
 s67  cover56  1
 s68  cost  5
 s68  cover8   1
 s68  cover12  1
 s68  cover13  1
 s68  cover17  1
 s68  cover27  1
 s68  cover28  1
 s68  cover30  1
 s68  cover32  1
 s68  cover38  1
 s68  cover48  1
 s69  cost  20
 s69  cover23  1
 s69  cover27  1
 s69  cover49  1
 s70  cost  13
 s70  cover0   1
 s70  cover2   1
 s70  cover7   1
 s70  cover11  1
 s70  cover14  1
 s70  cover16  1
 s70  cover30  1
 s70  cover36  1
 s70  cover45  1
 s70  cover52  1
 s70  cover54  1
 s70  cover58  1
 s71  cost  18
 s71  cover3   1
 s71  cover12  1
 s71  cover24  1
 s71  cover31  1
 s71  cover33  1
 s71  cover36  1
 s71  cover52  1
 s71  cover54  1
 s71  cover55  1
 s72  cost  4
 s72  cover0   1
 s72  cover5   1
 s72  cover18  1
 s72  cover23  1
 s72  cover30  1
 s72  cover34  1
 s72  cover41  1
 s72  cover42  1
 s72  cover47  1
 s72  cover52  1
 s72  cover55  1
 s72  cover57  1
 s73  cost  12
 s73  cover10  1
 s73  cover11  1
 s73  cover32  1
 s73  cover36  1
 s73  cover50  1
 s74  cost  4
 s74  cover11  1
 s74  cover28  1
 s74  cover41  1
 s74  cover42  1
 s74  cover50  1
 s74  cover54  1
 s74  cover56  1
 s74  cover59  1
 s75  cost  18
 s75  cover0   1
 s75  cover3   1
 s75  cover5   1
 s75  cover9   1
 s75  cover44  1
 s75  cover52  1
 s76  cost  10
 s76  cover13  1
 s76  cover16  1
 s76  cover43  1
 s76  cover48  1
 s76  cover50  1
 s76  cover56  1
 s77  cost  7
 s77  cover3   1
 s77  cover8   1
 s77  cover16  1
 s77  cover23  1
 s77  cover27  1
 s77  cover28  1
 s77  cover36  1
 s77  cover40  1
 s77  cover41  1
 s77  cover50  1
 s77  cover52  1
 s77  cover57  1
 s78  cost  17
 s78  cover8   1
 s78  cover10  1
 s78  cover19  1
 s78  cover30  1
 s78  cover37  1
 s78  cover39  1
 s78  cover58  1
 s79  cost  1
 s79  cover18  1
 s79  cover23  1
 s79  cover28  1
 s79  cover30  1
 s79  cover32  1
 s79  cover40  1
 s79  cover47  1
 s79  cover50  1
 s80  cost  4
 s80  cover0   1
 s80  cover1   1
 s80  cover15  1
 s80  cover17  1
 s80  cover20  1
 s80  cover23  1
 s80  cover25  1
 s80  cover28  1
 s80  cover41  1
 s80  cover42  1
 s80  cover50  1
 s80  cover53  1
 s81  cost  12
 s81  cover1   1
 s81  cover6   1
 s81  cover11  1
 s81  cover13  1
 s81  cover16  1
 s81  cover23  1
 s81  cover27  1
 s81  cover36  1
 s81  cover41  1
 s81  cover47  1
 s81  cover56  1
 s81  cover58  1
 s82  cost  5
 s82  cover4   1
 s82  cover6   1
 s82  cover14  1
 s82  cover16  1
 s82  cover18  1
 s82  cover21  1
 s82  cover26  1
 s82  cover37  1
 s82  cover42  1
 s82  cover47  1
 s83  cost  13
 s83  cover0   1
 s83  cover39  1
 s83  cover42  1
 s83  cover48  1
 s84  cost  18
 s84  cover2   1
 s84  cover3   1
 s84  cover6   1
 s84  cover11  1
 s84  cover12  1
 s84  cover15  1
 s84  cover21  1
 s84  cover24  1
 s84  cover31  1
 s84  cover33  1
 s84  cover38  1
 s84  cover44  1
 s84  cover46  1
 s85  cost  9
 s85  cover19  1
 s85  cover27  1
 s85  cover37  1
 s85  cover45  1
 s85  cover52  1
 s85  cover57  1
 s85  cover58  1
 s86  cost  18
 s86  cover15  1
 s86  cover19  1
 s86  cover21  1
 s86  cover24  1
 s86  cover40  1
 s86  cover51  1
 s86  cover57  1
 s86  cover58  1
 s87  cost  4
 s87  cover6   1
 s87  cover11  1
 s87  cover14  1
 s87  cover15  1
 s87  cover17  1
 s87  cover28  1
 s87  cover37  1
 s87  cover39  1
 s87  cover42  1
 s87  cover46  1
 s87  cover47  1
 s87  cover49  1
 s87  cover51  1
 s87  cover54  1
 s88  cost  4
 s88  cover0   1
 s88  cover1   1
 s88  cover3   1
 s88  cover4   1
 s88  cover7   1
 s88  cover14  1
 s88  cover18  1
 s88  cover28  1
 s88  cover44  1
 s88  cover53  1
 s88  cover54  1
 s88  cover57  1
 s89  cost  13
 s89  cover5   1
 s89  cover12  1
 s89  cover25  1
 s89  cover33  1
 s89  cover36  1
 s89  cover39  1
 s89  cover43  1
 s89  cover45  1
 s89  cover46  1
 s90  cost  17
 s90  cover20  1
 s90  cover25  1
 s90  cover36  1
 s90  cover41  1
 s91  cost  17
 s91  cover3   1
 s91  cover10  1
 s91  cover12  1
 s91  cover14  1
 s91  cover22  1
 s91  cover23  1
 s91  cover27  1
 s91  cover36  1
 s91  cover43  1
 s91  cover50  1
 s91  cover51  1
 s91  cover55  1
 s92  cost  1
 s92  cover1   1
 s92  cover13  1
 s92  cover15  1
 s92  cover22  1
 s92  cover23  1
 s92  cover26  1
 s92  cover30  1
 s92  cover31  1
 s92  cover33  1
 s92  cover53  1
 s92  cover56  1
 s93  cost  17
 s93  cover4   1
 s93  cover8   1
 s93  cover11  1
 s93  cover15  1
 s93  cover16  1
 s93  cover19  1
 s93  cover21  1
 s93  cover29  1
 s93  cover35  1
 s93  cover36  1
 s93  cover40  1
 s93  cover42  1
 s93  cover56  1
 s94  cost  1
 s94  cover7   1
 s94  cover17  1
 s94  cover22  1
 s94  cover39  1
 s94  cover42  1
 s94  cover43  1
 s94  cover52  1
 s94  cover53  1
 s95  cost  2
 s95  cover6   1
 s95  cover15  1
 s95  cover26  1
 s95  cover28  1
 s95  cover30  1
 s95  cover33  1
 s95  cover37  1
 s96  cost  17
 s96  cover0   1
 s96  cover3   1
 s96  cover14  1
 s96  cover28  1
 s96  cover30  1
 s96  cover36  1
 s96  cover45  1
 s96  cover51  1
 s97  cost  11
 s97  cover10  1
 s97  cover11  1
 s97  cover18  1
 s97  cover25  1
 s97  cover34  1
 s97  cover35  1
 s97  cover43  1
 s97  cover49  1
 s97  cover50  1
 s97  cover55  1
 s97  cover58  1
 s98  cost  16
 s98  cover3   1
 s98  cover5   1
 s98  cover8   1
 s98  cover38  1
 s98  cover40  1
 s98  cover45  1
 s98  cover55  1
 s98  cover59  1
 s99  cost  20
 s99  cover8   1
 s99  cover10  1
 s99  cover30  1
 s99  cover45  1
 s99  cover46  1
 s99  cover52  1
 s100  cost  17
 s100  cover5  1
 s100  cover6  1
 s100  cover9  1
 s100  cover10  1
 s100  cover18  1
 s100  cover23  1
 s100  cover35  1
 s100  cover38  1
 s100  cover50  1
 s100  cover57  1
 s101  cost  1
 s101  cover8  1
 s101  cover20  1
 s101  cover28  1
 s101  cover32  1
 s101  cover43  1
 s102  cost  18
 s102  cover6  1
 s102  cover14  1
 s102  cover22  1
 s102  cover29  1
 s102  cover33  1
 s102  cover35  1
 s102  cover37  1
 s102  cover42  1
 s102  cover44  1
 s102  cover45  1
 s102  cover54  1
 s102  cover58  1
 s103  cost  12
 s103  cover18  1
 s103  cover23  1
 s103  cover25  1
 s103  cover35  1
 s103  cover40  1
 s103  cover41  1
 s103  cover47  1
 s103  cover52  1
 s103  cover53  1
 s104  cost  12
 s104  cover11  1
 s104  cover19  1
 s104  cover27  1
 s104  cover28  1
 s104  cover48  1
 s104  cover49  1
 s105  cost  16
 s105  cover9  1
 s105  cover15  1
 s105  cover18  1
 s105  cover20  1
 s105  cover39  1
 s105  cover40  1
 s105  cover51  1
 s105  cover56  1
 s105  cover57  1
 s106  cost  5
 s106  cover4  1
 s106  cover6  1
 s106  cover8  1
 s106  cover14  1
 s106  cover28  1
 s106  cover33  1
 s106  cover40  1
 s106  cover45  1
 s106  cover51  1
 s106  cover53  1
 s106  cover54  1
 s107  cost  14
 s107  cover31  1
 s107  cover35  1
 s107  cover38  1
 s107  cover49  1
 s107  cover50  1
 s107  cover53  1
 s107  cover55  1
 s108  cost  15
 s108  cover3  1
 s108  cover8  1
 s108  cover9  1
 s108  cover12  1
 s108  cover16  1
 s108  cover19  1
 s108  cover32  1
 s108  cover33  1
 s108  cover41  1
 s108  cover43  1
 s108  cover48  1
 s108  cover50  1
 s108  cover52  1
 s108  cover53  1
 s109  cost  20
 s109  cover0  1
 s109  cover16  1
 s109  cover20  1
 s109  cover24  1
 s109  cover27  1
 s109  cover41  1
 s109  cover58  1
 s110  cost  19
 s110  cover8  1
 s110  cover16  1
 s110  cover27  1
 s110  cover33  1
 s110  cover35  1
 s110  cover59  1
 s111  cost  20
 s111  cover0  1
 s111  cover1  1
 s111  cover9  1
 s111  cover11  1
 s111  cover20  1
 s111  cover26  1
 s111  cover39  1
 s111  cover40  1
 s111  cover45  1
 s111  cover46  1
 s111  cover47  1
 s111  cover51  1
 s111  cover54  1
 s112  cost  12
 s112  cover3  1
 s112  cover20  1
 s112  cover26  1
 s112  cover33  1
 s112  cover42  1
 s112  cover46  1
 s112  cover49  1
 s113  cost  4
 s113  cover4  1
 s113  cover7  1
 s113  cover9  1
 s113  cover11  1
 s113  cover20  1
 s113  cover23  1
 s113  cover38  1
 s113  cover57  1
 s114  cost  1
 s114  cover1  1
 s114  cover2  1
 s114  cover11  1
 s114  cover12  1
 s114  cover13  1
 s114  cover19  1
 s114  cover32  1
 s114  cover54  1
 s114  cover59  1
 s115  cost  9
 s115  cover2  1
 s115  cover3  1
 s115  cover12  1
 s115  cover31  1
 s115  cover54  1
 s115  cover55  1
 s115  cover59  1
 s116  cost  4
 s116  cover7  1
 s116  cover13  1
 s116  cover14  1
 s116  cover21  1
 s116  cover31  1
 s116  cover32  1
 s116  cover40  1
 s116  cover47  1
 s116  cover53  1
 s116  cover54  1
 s117  cost  1
 s117  cover0  1
 s117  cover1  1
 s117  cover2  1
 s117  cover7  1
 s117  cover19  1
 s117  cover21  1
 s117  cover25  1
 s117  cover38  1
 s117  cover40  1
 s117  cover45  1
 s117  cover46  1
 s117  cover49  1
 s117  cover53  1
 s117  cover57  1
 s118  cost  20
 s118  cover3  1
 s118  cover7  1
 s118  cover26  1
 s118  cover27  1
 s118  cover35  1
 s118  cover36  1
 s118  cover51  1
 s118  cover52  1
 s119  cost  2
 s119  cover3  1
 s119  cover6  1
 s119  cover13  1
 s119  cover15  1
 s119  cover21  1
 s119  cover26  1
 s119  cover37  1
 s119  cover49  1
 s119  cover53  1
 s119  cover56  1
 MARKER  'MARKER'  'INTEND'
RHS
 RHS  cover0   1
 RHS  cover1   1
 RHS  cover2   1
 RHS  cover3   1
 RHS  cover4   1
 RHS  cover5   1
 RHS  cover6   1
 RHS  cover7   1
 RHS  cover8   1
 RHS  cover9   1
 RHS  cover10  1
 RHS  cover11  1
 RHS  cover12  1
 RHS  cover13  1
 RHS  cover14  1
 RHS  cover15  1
 RHS  cover16  1
 RHS  cover17  1
 RHS  cover18  1
 RHS  cover19  1
 RHS  cover20  1
 RHS  cover21  1
 RHS  cover22  1
 RHS  cover23  1
 RHS  cover24  1
 RHS  cover25  1
 RHS  cover26  1
 RHS  cover27  1
 RHS  cover28  1
 RHS  cover29  1
 RHS  cover30  1
 RHS  cover31  1
 RHS  cover32  1
 RHS  cover33  1
 RHS  cover34  1
 RHS  cover35  1
 RHS  cover36  1
 RHS  cover37  1
 RHS  cover38  1
 RHS  cover39  1
 RHS  cover40  1
 RHS  cover41  1
 RHS  cover42  1
 RHS  cover43  1
 RHS  cover44  1
 RHS  cover45  1
 RHS  cover46  1
 RHS  cover47  1
 RHS  cover48  1
 RHS  cover49  1
 RHS  cover50  1
 RHS  cover51  1
 RHS  cover52  1
 RHS  cover53  1
 RHS  cover54  1
 RHS  cover55  1
 RHS  cover56  1
 RHS  cover57  1
 RHS  cover58  1
 RHS  cover59  1
BOUNDS
 UP  BND  s0   1
 UP  BND  s1   1
 UP  BND  s2   1
 UP  BND  s3   1
 UP  BND  s4   1
 UP  BND  s5   1
 UP  BND  s6   1
 UP  BND  s7   1
 UP  BND  s8   1
 UP  BND  s9   1
 UP  BND  s10  1
 UP  BND  s11  1
 UP  BND  s12  1
 UP  BND  s13  1
 UP  BND  s14  1
 UP  BND  s15  1
 UP  BND  s16  1
 UP  BND  s17  1
 UP  BND  s18  1
 UP  BND  s19  1
 UP  BND  s20  1
 UP  BND  s21  1
 UP  BND  s22  1
 UP  BND  s23  1
 UP  BND  s24  1
 UP  BND  s25  1
 UP  BND  s26  1
 UP  BND  s27  1
 UP  BND  s28  1
 UP  BND  s29  1
 UP  BND  s30  1
 UP  BND  s31  1
 UP  BND  s32  1
 UP  BND  s33  1
 UP  BND  s34  1
 UP  BND  s35  1
 UP  BND  s36  1
 UP  BND  s37  1
 UP  BND  s38  1
 UP  BND  s39  1
 UP  BND  s40  1
 UP  BND  s41  1
 UP  BND  s42  1
 UP  BND  s43  1
 UP  BND  s44  1
 UP  BND  s45  1
 UP  BND  s46  1
 UP  BND  s47  1
 UP  BND  s48  1
 UP  BND  s49  1
 UP  BND  s50  1
 UP  BND  s51  1
 UP  BND  s52  1
 UP  BND  s53  1
 UP  BND  s54  1
 UP  BND  s55  1
 UP  BND  s56  1
 UP  BND  s57  1
 UP  BND  s58  1
 UP  BND  s59  1
 UP  BND  s60  1
 UP  BND  s61  1
 UP  BND  s62  1
 UP  BND  s63  1
 UP  BND  s64  1
 UP  BND  s65  1
 UP  BND  s66  1
 UP  BND  s67  1
 UP  BND  s68  1
 UP  BND  s69  1
 UP  BND  s70  1
 UP  BND  s71  1
 UP  BND  s72  1
 UP  BND  s73  1
 UP  BND  s74  1
 UP  BND  s75  1
 UP  BND  s76  1
 UP  BND  s77  1
 UP  BND  s78  1
 UP  BND  s79  1
 UP  BND  s80  1
 UP  BND  s81  1
 UP  BND  s82  1
 UP  BND  s83  1
 UP  BND  s84  1
 UP  BND  s85  1
 UP  BND  s86  1
 UP  BND  s87  1
 UP  BND  s88  1
 UP  BND  s89  1
 UP  BND  s90  1
 UP  BND  s91  1
 UP  BND  s92  1
 UP  BND  s93  1
 UP  BND  s94  1
 UP  BND  s95  1
 UP  BND  s96  1
 UP  BND  s97  1
 UP  BND  s98  1
 UP  BND  s99  1
 UP  BND  s100  1
 UP  BND  s101  1
 UP  BND  s102  1
 UP  BND  s103  1
 UP  BND  s104  1
 UP  BND  s105  1
 UP  BND  s106  1
 UP  BND  s107  1
 UP  BND  s108  1
 UP  BND  s109  1
 UP  BND  s110  1
 UP  BND  s111  1
 UP  BND  s112  1
 UP  BND  s113  1
 UP  BND  s114  1
 UP  BND  s115  1
 UP  BND  s116  1
 UP  BND  s117  1
 UP  BND  s118  1
 UP  BND  s119  1
ENDATA
