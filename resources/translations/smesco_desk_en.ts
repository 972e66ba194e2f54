<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name></name>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Ruang</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Pemesan</source>
        <translation>Booker</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Sisa</source>
        <translation>Owed</translation>
    </message>
    <message>
        <source>Enter: kolom berikutnya · Ctrl+Enter: simpan · Esc: tutup</source>
        <translation type="obsolete">Enter: next field · Ctrl+Enter: save · Esc: close</translation>
    </message>
    <message>
        <source>&amp;Simpan pemesanan</source>
        <translation type="obsolete">Sa&amp;ve booking</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="obsolete">Ctrl+Enter</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="obsolete">Cancel</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administrator pertama</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <source>Akun ini mengatur pengguna, printer dan pengaturan gedung. Akun resepsionis ditambahkan nanti di Pengaturan › Pengguna.</source>
        <translation>This account manages users, printers and the building settings. Receptionist accounts are added later in Settings › Users.</translation>
    </message>
    <message>
        <source>huruf kecil, mis. admin</source>
        <translation>lower case, e.g. admin</translation>
    </message>
    <message>
        <source>minimal 8 karakter</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Ulangi kata sandi</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>Kata sandi dan ulangannya tidak sama.</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <source>Menyiapkan desk…</source>
        <translation>Setting up the desk…</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Persetujuan supervisor</source>
        <translation>Supervisor approval</translation>
    </message>
    <message>
        <source>Perlu persetujuan supervisor</source>
        <translation>A supervisor&apos;s approval is needed</translation>
    </message>
    <message>
        <source>Tidak dapat dilanjutkan</source>
        <translation>Cannot go on</translation>
    </message>
    <message>
        <source>Supervisor atau administrator masuk di sini untuk menyetujui.</source>
        <translation>A supervisor or administrator logs in here to approve.</translation>
    </message>
    <message>
        <source>Tidak dapat disetujui di meja. Bila keliru, supervisor mengubah daftar pantauan di Pengaturan.</source>
        <translation>This cannot be approved at the desk. If it is wrong, a supervisor changes the watchlist in Settings.</translation>
    </message>
    <message>
        <source>mis. hendra</source>
        <translation>e.g. hendra</translation>
    </message>
    <message>
        <source>&amp;Supervisor</source>
        <translation>&amp;Supervisor</translation>
    </message>
    <message>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Setujui</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <source>Isi nama pengguna supervisor.</source>
        <translation>Enter the supervisor&apos;s user name.</translation>
    </message>
</context>
<context>
    <name>ArrearsTab</name>
    <message>
        <source>0–30 hari</source>
        <translation>0–30 days</translation>
    </message>
    <message>
        <source>31–60 hari</source>
        <translation>31–60 days</translation>
    </message>
    <message>
        <source>61–90 hari</source>
        <translation>61–90 days</translation>
    </message>
    <message>
        <source>&gt; 90 hari</source>
        <translation>&gt; 90 days</translation>
    </message>
    <message>
        <source>Tenan</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Per tangga&amp;l</source>
        <translation>A&amp;s of</translation>
    </message>
    <message>
        <source>Hari ini</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Surat pen&amp;gingat…</source>
        <translation>&amp;Reminder letter…</translation>
    </message>
    <message>
        <source>Surat pengingat untuk tenan yang dipilih (PDF)</source>
        <translation>Reminder letter to the chosen tenant (PDF)</translation>
    </message>
    <message>
        <source>R&amp;ekening koran…</source>
        <translation>Stat&amp;ement…</translation>
    </message>
    <message>
        <source>Tagihan, pembayaran dan saldo tenan sampai tanggal ini (PDF)</source>
        <translation>The tenant&apos;s charges, payments and balance up to this day (PDF)</translation>
    </message>
    <message numerus="yes">
        <source>%n tenan menunggak · total {total} (0–30 hari {a} · 31–60 hari {b} · 61–90 hari {c} · &gt; 90 hari {d})</source>
        <translation>
            <numerusform>%n tenant in arrears · total {total} (0–30 days {a} · 31–60 days {b} · 61–90 days {c} · &gt; 90 days {d})</numerusform>
            <numerusform>%n tenants in arrears · total {total} (0–30 days {a} · 31–60 days {b} · 61–90 days {c} · &gt; 90 days {d})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttendeeDialog</name>
    <message>
        <source>Tambah peserta: {title}</source>
        <translation>Add participant: {title}</translation>
    </message>
    <message>
        <source>&amp;Nama *</source>
        <translation>&amp;Name *</translation>
    </message>
    <message>
        <source>nama lengkap</source>
        <translation>full name</translation>
    </message>
    <message>
        <source>&amp;Telepon *</source>
        <translation>&amp;Phone *</translation>
    </message>
    <message>
        <source>mis. 0812-3456-7890</source>
        <translation>e.g. 0812-3456-7890</translation>
    </message>
    <message>
        <source>&amp;Organisasi</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>UMKM, instansi (boleh kosong)</source>
        <translation>UMKM, institution (may be left empty)</translation>
    </message>
    <message>
        <source>NI&amp;K</source>
        <translation>NI&amp;K</translation>
    </message>
    <message>
        <source>16 digit (boleh kosong)</source>
        <translation>16 digits (may be left empty)</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;Email</translation>
    </message>
    <message>
        <source>boleh kosong</source>
        <translation>may be left empty</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Menyimpan peserta…</source>
        <translation>Saving the participant…</translation>
    </message>
</context>
<context>
    <name>AttendeeImportDialog</name>
    <message>
        <source>Impor peserta: {file}</source>
        <translation>Import participants: {file}</translation>
    </message>
    <message>
        <source>Baca &amp;ulang berkas</source>
        <translation>Re&amp;read the file</translation>
    </message>
    <message>
        <source>Setelah memperbaiki berkasnya</source>
        <translation>After fixing the file</translation>
    </message>
    <message>
        <source>&amp;Lewati baris yang salah</source>
        <translation>&amp;Skip the bad rows</translation>
    </message>
    <message>
        <source>&amp;Impor</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Impor {n} peserta</source>
        <translation>&amp;Import {n} participants</translation>
    </message>
    <message>
        <source>Berkas ini tidak berisi peserta (hanya baris judul).</source>
        <translation>This file holds no participants (only the header row).</translation>
    </message>
    <message>
        <source>{bad} dari {total} baris bermasalah (merah); belum ada yang diimpor. Perbaiki berkasnya lalu tekan «Baca ulang berkas», atau lewati baris yang salah dan impor {good} peserta lainnya.</source>
        <translation>{bad} of {total} rows have problems (red); nothing has been imported. Fix the file and press «Reread the file», or skip the bad rows and import the other {good} participants.</translation>
    </message>
    <message>
        <source>Semua {total} baris baik dan siap diimpor.</source>
        <translation>All {total} rows are good and ready to import.</translation>
    </message>
    <message>
        <source>Namun peserta akan menjadi {n} orang, melebihi kapasitas ruang ({capacity} orang).</source>
        <translation>But the participants would become {n} people, over the space&apos;s capacity ({capacity} people).</translation>
    </message>
    <message>
        <source>Memeriksa berkas…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <source>Berkas dibaca ulang.</source>
        <translation>The file was read again.</translation>
    </message>
    <message>
        <source>Mengimpor peserta…</source>
        <translation>Importing participants…</translation>
    </message>
    <message>
        <source>Berkas tidak bisa dibaca: {reason}</source>
        <translation>The file cannot be read: {reason}</translation>
    </message>
</context>
<context>
    <name>AttendeeRowsModel</name>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Organisasi</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Siap diimpor</source>
        <translation>Ready to import</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Masalah</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Jejak audit</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Semua pengguna</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>Semua jenis</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Hari ini</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>7 hari terakhir</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>30 hari terakhir</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Semua tanggal</source>
        <translation>All dates</translation>
    </message>
    <message>
        <source>Pilih tanggal…</source>
        <translation>Choose dates…</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>s.d.</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Ekspor CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Tidak ada catatan yang cocok.</source>
        <translation>No matching entries.</translation>
    </message>
    <message>
        <source>{area} (semua)</source>
        <translation>{area} (all)</translation>
    </message>
    <message>
        <source>Tanggal akhir sebelum tanggal awal.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <source>{n} catatan</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <source>Simpan jejak audit</source>
        <translation>Save the audit trail</translation>
    </message>
    <message>
        <source>CSV untuk Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Disimpan: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>Tidak dapat menyimpan: {reason}</source>
        <translation>Could not save: {reason}</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Objek</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>Meja</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>BadgeNews</name>
    <message>
        <source>Mencetak badge…</source>
        <translation>Printing the badge…</translation>
    </message>
    <message>
        <source>Cetak badge</source>
        <translation>Print badge</translation>
    </message>
    <message>
        <source>Badge dicetak ke {printer}.</source>
        <translation>Badge printed on {printer}.</translation>
    </message>
    <message>
        <source>Badge dicetak.</source>
        <translation>Badge printed.</translation>
    </message>
    <message>
        <source>Cetak ulang badge</source>
        <translation>Reprint badge</translation>
    </message>
    <message>
        <source>Badge gagal dicetak: {error}</source>
        <translation>The badge could not be printed: {error}</translation>
    </message>
    <message>
        <source>Terdaftar: {badge}</source>
        <translation>Registered: {badge}</translation>
    </message>
    <message>
        <source>Badge lama {badges} tidak berlaku lagi.</source>
        <translation>Old badge {badges} is no longer valid.</translation>
    </message>
</context>
<context>
    <name>BadgePrintDialog</name>
    <message>
        <source>Cetak badge peserta</source>
        <translation>Print participant badges</translation>
    </message>
    <message>
        <source>&amp;Lembar A4: 10 badge per halaman, dengan garis potong</source>
        <translation>A4 &amp;sheet: 10 badges per page, with cut marks</translation>
    </message>
    <message>
        <source>Satu &amp;kartu per peserta (printer kartu)</source>
        <translation>One &amp;card per participant (card printer)</translation>
    </message>
    <message>
        <source>&amp;Semua peserta ({n})</source>
        <translation>&amp;All participants ({n})</translation>
    </message>
    <message>
        <source>Yang &amp;dipilih di daftar ({n})</source>
        <translation>Those se&amp;lected in the list ({n})</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Simpan &amp;PDF…</source>
        <translation>Save &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Cetak</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <source>Dicetak ke printer {printer}.</source>
        <translation>Printed on {printer}.</translation>
    </message>
    <message>
        <source>Belum ada printer untuk format ini; simpan sebagai PDF.</source>
        <translation>No printer for this format yet; save it as a PDF.</translation>
    </message>
    <message>
        <source>Atur printer di Pengaturan, atau simpan sebagai PDF.</source>
        <translation>Set a printer up in Settings, or save as PDF.</translation>
    </message>
</context>
<context>
    <name>BlockTariffEditor</name>
    <message>
        <source>Sampai ({unit})</source>
        <translation>Up to ({unit})</translation>
    </message>
    <message>
        <source>Tarif per {unit}</source>
        <translation>Price per {unit}</translation>
    </message>
    <message>
        <source>+ Blok</source>
        <translation>+ Block</translation>
    </message>
    <message>
        <source>Tambah blok sebelum blok terakhir</source>
        <translation>Add a block before the last one</translation>
    </message>
    <message>
        <source>Isi batas {unit} blok ini.</source>
        <translation>Enter this block&apos;s limit in {unit}.</translation>
    </message>
    <message>
        <source>Batas harus lebih dari {n} {unit}.</source>
        <translation>The limit must be more than {n} {unit}.</translation>
    </message>
    <message>
        <source>Isi tarif per {unit}.</source>
        <translation>Enter the price per {unit}.</translation>
    </message>
    <message>
        <source>selebihnya</source>
        <translation>the rest</translation>
    </message>
    <message>
        <source>semua {unit}</source>
        <translation>every {unit}</translation>
    </message>
    <message>
        <source>Hapus blok ini</source>
        <translation>Remove this block</translation>
    </message>
</context>
<context>
    <name>BookerFields</name>
    <message>
        <source>Nama tamu, UMKM, tenan atau organisasi</source>
        <translation>Name of the visitor, UMKM, tenant or organisation</translation>
    </message>
    <message>
        <source>UMKM terdaftar (dapat diskon UMKM ruang)</source>
        <translation>Registered UMKM (gets the space&apos;s UMKM discount)</translation>
    </message>
    <message>
        <source>&amp;Jenis pemesan</source>
        <translation>Booker &amp;type</translation>
    </message>
    <message>
        <source>&amp;Nama pemesan *</source>
        <translation>Booker &amp;name *</translation>
    </message>
</context>
<context>
    <name>BookingDetailsDialog</name>
    <message>
        <source>Pemesanan ruang</source>
        <translation>Space booking</translation>
    </message>
    <message>
        <source> · UMKM terdaftar</source>
        <translation> · registered UMKM</translation>
    </message>
    <message>
        <source>Ruang</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Pemesan</source>
        <translation>Booker</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>{n} orang</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Sisa tagihan</source>
        <translation>Owed</translation>
    </message>
    <message>
        <source>Dikembalikan</source>
        <translation>Owed back</translation>
    </message>
    <message>
        <source>Jeda</source>
        <translation>Buffers</translation>
    </message>
    <message>
        <source>persiapan {setup} menit, pembersihan {cleanup} menit</source>
        <translation>setup {setup} minutes, cleanup {cleanup} minutes</translation>
    </message>
    <message>
        <source>Seri</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Alasan batal</source>
        <translation>Cancelled because</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Acara</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>&amp;Rincian</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>&amp;Peserta</source>
        <translation>&amp;Participants</translation>
    </message>
    <message>
        <source>Ditandai sebagai {kind}.</source>
        <translation>Marked as a {kind}.</translation>
    </message>
    <message>
        <source>Pemesanan ini bukan acara lagi.</source>
        <translation>This booking is no longer an event.</translation>
    </message>
    <message>
        <source>{when} WIB oleh {who}</source>
        <translation>{when} WIB by {who}</translation>
    </message>
    <message>
        <source>&amp;Peserta ({n})</source>
        <translation>&amp;Participants ({n})</translation>
    </message>
    <message>
        <source>mis. acara diundur (boleh kosong)</source>
        <translation>e.g. the event was postponed (may be left empty)</translation>
    </message>
    <message>
        <source>&amp;Alasan pembatalan</source>
        <translation>&amp;Reason for cancelling</translation>
    </message>
    <message>
        <source>Yang sudah dibayar ({paid}) tetap tercatat; yang melebihi biaya pembatalan dikembalikan lewat Pembayaran › Pengembalian dana (Bayar kembali).</source>
        <translation>What was paid ({paid}) stays recorded; anything above the cancellation fee is paid back through Payments › Refunds (Pay back).</translation>
    </message>
    <message>
        <source>Yang sudah dibayar ({paid}) tetap tercatat; pengembalian uang lewat pembatalan kuitansi.</source>
        <translation type="vanished">What was paid ({paid}) stays recorded; a refund is made by voiding the receipt.</translation>
    </message>
    <message>
        <source>Tanpa &amp;biaya pembatalan</source>
        <translation>&amp;Waive the cancellation fee</translation>
    </message>
    <message>
        <source>Tamu &amp;datang (check-in)</source>
        <translation>Guest &amp;arrived (check-in)</translation>
    </message>
    <message>
        <source>&amp;Ubah waktu…</source>
        <translation>&amp;Change time…</translation>
    </message>
    <message>
        <source>Ba&amp;yar…</source>
        <translation type="vanished">Pa&amp;y…</translation>
    </message>
    <message>
        <source>Bayar tagihan pemesanan ini dan cetak kuitansi</source>
        <translation type="vanished">Pay this booking&apos;s charge and print the receipt</translation>
    </message>
    <message>
        <source>&amp;Batalkan pemesanan</source>
        <translation>&amp;Cancel booking</translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation>Cl&amp;ose</translation>
    </message>
    <message>
        <source>Mencatat kedatangan…</source>
        <translation>Recording the arrival…</translation>
    </message>
    <message>
        <source>&amp;Ya, batalkan pemesanan</source>
        <translation>&amp;Yes, cancel the booking</translation>
    </message>
    <message>
        <source>Membatalkan jadwal seri…</source>
        <translation>Cancelling the series&apos; bookings…</translation>
    </message>
    <message>
        <source>Membatalkan pemesanan…</source>
        <translation>Cancelling the booking…</translation>
    </message>
    <message>
        <source>wajib: mengapa biaya dibebaskan</source>
        <translation>required: why the fee is waived</translation>
    </message>
    <message>
        <source>Pembatalan gratis: baru dipesan, kurang dari {minutes} menit lalu.</source>
        <translation>Free cancellation: booked less than {minutes} minutes ago.</translation>
    </message>
    <message>
        <source>Pembatalan gratis: masih lebih dari {hours} jam sebelum mulai.</source>
        <translation>Cancelling is free: still more than {hours} hours before the start.</translation>
    </message>
    <message>
        <source>Tanpa biaya pembatalan.</source>
        <translation>No cancellation fee.</translation>
    </message>
    <message>
        <source>Biaya pembatalan {fee} dibebaskan.</source>
        <translation>Cancellation fee of {fee} waived.</translation>
    </message>
    <message>
        <source>Biaya pembatalan {fee} ({percent}% dari {total}): kurang dari {hours} jam sebelum mulai.</source>
        <translation>Cancellation fee {fee} ({percent}% of {total}): less than {hours} hours before the start.</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>Pemesanan ruang baru</source>
        <translation>New space booking</translation>
    </message>
    <message>
        <source>mis. Rapat koperasi, pelatihan foto produk</source>
        <translation>e.g. Cooperative meeting, photo training</translation>
    </message>
    <message>
        <source>&amp;Judul *</source>
        <translation>T&amp;itle *</translation>
    </message>
    <message>
        <source>Acara</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>mis. butuh proyektor, susunan kelas</source>
        <translation>e.g. needs a projector, classroom layout</translation>
    </message>
    <message>
        <source>&amp;Catatan</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>&amp;Ruang</source>
        <translation>&amp;Space</translation>
    </message>
    <message>
        <source> orang</source>
        <translation> people</translation>
    </message>
    <message>
        <source>&amp;Peserta</source>
        <translation>&amp;Attendees</translation>
    </message>
    <message>
        <source>&amp;Tanggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>s.d.</source>
        <translation>to</translation>
    </message>
    <message>
        <source>WIB</source>
        <translation>WIB</translation>
    </message>
    <message>
        <source>&amp;Waktu</source>
        <translation>Ti&amp;me</translation>
    </message>
    <message>
        <source>Enter: kolom berikutnya · Ctrl+Enter: simpan · Esc: tutup</source>
        <translation>Enter: next field · Ctrl+Enter: save · Esc: close</translation>
    </message>
    <message>
        <source>&amp;Simpan pemesanan</source>
        <translation>Sa&amp;ve booking</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ruang {code} tidak ada atau tidak aktif.</source>
        <translation>Space {code} does not exist or is not active.</translation>
    </message>
    <message>
        <source>Kapasitas {n} orang · buka {hours} · jeda {setup} + {cleanup} menit</source>
        <translation>Capacity {n} people · open {hours} · buffers {setup} + {cleanup} minutes</translation>
    </message>
    <message>
        <source>Seluruh seri: {n} jadwal × {price} = {total}</source>
        <translation>Whole series: {n} bookings × {price} = {total}</translation>
    </message>
    <message>
        <source>Buang isian?</source>
        <translation>Discard what was typed?</translation>
    </message>
    <message>
        <source>Pemesanan ini belum disimpan. Tutup dan buang isiannya?</source>
        <translation>This booking has not been saved. Close and discard it?</translation>
    </message>
    <message>
        <source>Pilih ruang.</source>
        <translation>Choose a space.</translation>
    </message>
    <message>
        <source>Nama pemesan wajib diisi.</source>
        <translation>The booker&apos;s name is required.</translation>
    </message>
    <message>
        <source>Wajib diisi.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>Menyimpan pemesanan…</source>
        <translation>Saving the booking…</translation>
    </message>
</context>
<context>
    <name>BookingList</name>
    <message>
        <source>Enter atau klik dua kali: buka pemesanan</source>
        <translation>Enter or double-click: open the booking</translation>
    </message>
    <message>
        <source>Belum dibayar: {amount} dari {n} pemesanan.</source>
        <translation>Unpaid: {amount} from {n} bookings.</translation>
    </message>
    <message>
        <source>Tidak ada yang belum dibayar hari ini.</source>
        <translation>Nothing unpaid today.</translation>
    </message>
</context>
<context>
    <name>BookingMovesPanel</name>
    <message>
        <source>Pindahkan ke slot yang masih kosong:</source>
        <translation>Move to a slot that is still free:</translation>
    </message>
    <message>
        <source>Pindahkan ke …</source>
        <translation>Move to …</translation>
    </message>
    <message>
        <source>Batalkan pemesanan</source>
        <translation>Cancel the booking</translation>
    </message>
    <message>
        <source>Pemesanan dibatalkan sesuai kebijakan pembatalan; pembayarannya tetap tercatat.</source>
        <translation>The booking is cancelled under the cancellation policy; its payments stay on record.</translation>
    </message>
    <message>
        <source>Bebaskan biaya pembatalan</source>
        <translation>Waive the cancellation fee</translation>
    </message>
    <message>
        <source>ruang yang sama</source>
        <translation>same space</translation>
    </message>
    <message>
        <source>{n} orang</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <source>Tidak ada slot kosong yang mirip dalam seminggu; batalkan, atau pesan ulang di halaman Ruang.</source>
        <translation>No similar free slot within a week; cancel it, or book again on the Spaces page.</translation>
    </message>
    <message>
        <source>Pindahkan ke {slot}</source>
        <translation>Move to {slot}</translation>
    </message>
    <message>
        <source>Memindahkan pemesanan…</source>
        <translation>Moving the booking…</translation>
    </message>
    <message>
        <source>Membatalkan pemesanan…</source>
        <translation>Cancelling the booking…</translation>
    </message>
    <message>
        <source>Pemesanan &quot;{title}&quot; dibatalkan.</source>
        <translation>Booking &quot;{title}&quot; cancelled.</translation>
    </message>
    <message>
        <source>Pemesanan &quot;{title}&quot; dipindahkan ke {space}; menunggu konfirmasi server.</source>
        <translation>Booking &quot;{title}&quot; moved to {space}; waiting for the server to confirm it.</translation>
    </message>
</context>
<context>
    <name>BookingPayment</name>
    <message>
        <source>Tidak ada tagihan terbuka untuk pemesanan ini.</source>
        <translation>This booking has no open charge.</translation>
    </message>
    <message>
        <source>Lunas {amount} · kuitansi {number}.</source>
        <translation type="vanished">Paid {amount} · receipt {number}.</translation>
    </message>
    <message>
        <source>Kembalian {amount}.</source>
        <translation type="vanished">Change {amount}.</translation>
    </message>
    <message>
        <source>Mencetak kuitansi…</source>
        <translation type="vanished">Printing the receipt…</translation>
    </message>
    <message>
        <source>Ba&amp;yar…</source>
        <translation>Pa&amp;y…</translation>
    </message>
    <message>
        <source>Bayar tagihan pemesanan ini dan cetak kuitansinya</source>
        <translation>Pay this booking&apos;s charge and print its receipt</translation>
    </message>
    <message>
        <source>Dibayar: kuitansi {number}. Mencetak kuitansi…</source>
        <translation type="vanished">Paid: receipt {number}. Printing the receipt…</translation>
    </message>
    <message>
        <source>Pembayaran tersimpan (kuitansi {number}), tetapi kuitansi gagal dicetak: {error}</source>
        <translation type="vanished">The payment is saved (receipt {number}), but the receipt could not be printed: {error}</translation>
    </message>
    <message>
        <source>Dibayar: kuitansi {number}.</source>
        <translation type="vanished">Paid: receipt {number}.</translation>
    </message>
    <message>
        <source>Kuitansi dicetak ke {printer}.</source>
        <translation type="vanished">Receipt printed to {printer}.</translation>
    </message>
    <message>
        <source>Kuitansi gagal dicetak: {error} (cetak ulang dari Pembayaran).</source>
        <translation type="vanished">The receipt did not print: {error} (print it again from Payments).</translation>
    </message>
</context>
<context>
    <name>BookingPoliciesPage</name>
    <message>
        <source> jam sebelum mulai</source>
        <translation> hours before the start</translation>
    </message>
    <message>
        <source> menit setelah mulai</source>
        <translation> minutes after the start</translation>
    </message>
    <message>
        <source>Batal gratis sampai</source>
        <translation>Free cancellation until</translation>
    </message>
    <message>
        <source>Pemesanan yang dibatalkan lebih awal dari ini tidak dikenai biaya.</source>
        <translation>A booking cancelled earlier than this costs nothing.</translation>
    </message>
    <message>
        <source>Biaya pembatalan</source>
        <translation>Cancellation fee</translation>
    </message>
    <message>
        <source>Persentase dari total pemesanan, untuk pembatalan yang lebih terlambat dan untuk pemesan yang tidak datang. Supervisor dapat membebaskannya.</source>
        <translation>A percentage of the booking&apos;s total, for later cancellations and for bookers who do not come. A supervisor may waive it.</translation>
    </message>
    <message>
        <source>Masa tenggang tidak datang</source>
        <translation>No-show grace period</translation>
    </message>
    <message>
        <source>Pemesanan yang belum check-in setelah masa ini dilepas: ruangnya bisa dipesan lagi.</source>
        <translation>A booking not checked in after this is released: the room can be booked again.</translation>
    </message>
    <message>
        <source>Kebijakan pemesanan</source>
        <translation>Booking policies</translation>
    </message>
</context>
<context>
    <name>BookingsPage</name>
    <message>
        <source>Ruang yang ditampilkan seminggu</source>
        <translation>The space shown for the week</translation>
    </message>
    <message>
        <source>Hari</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Semua ruang, satu hari</source>
        <translation>Every space, one day</translation>
    </message>
    <message>
        <source>Minggu</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Satu ruang, satu minggu</source>
        <translation>One space, one week</translation>
    </message>
    <message>
        <source>Daftar</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Pemesanan hari itu sebagai daftar, dengan yang belum dibayar</source>
        <translation>The day&apos;s bookings as a list, with what is unpaid</translation>
    </message>
    <message>
        <source>Hari sebelumnya (PageUp, Alt+Kiri)</source>
        <translation>Previous day (PageUp, Alt+Left)</translation>
    </message>
    <message>
        <source>Hari berikutnya (PageDown, Alt+Kanan)</source>
        <translation>Next day (PageDown, Alt+Right)</translation>
    </message>
    <message>
        <source>PageUp/PageDown, Alt+Kiri/Kanan: hari lain</source>
        <translation>PageUp/PageDown, Alt+Left/Right: another day</translation>
    </message>
    <message>
        <source>Hari ini</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>&amp;Pesan ruang…</source>
        <translation>&amp;Book a space…</translation>
    </message>
    <message>
        <source>Pilih Hari atau Minggu untuk memesan</source>
        <translation>Choose Day or Week to book</translation>
    </message>
    <message>
        <source>Pilih sel kosong di grid (mouse atau panah + Shift)</source>
        <translation>Select free cells in the grid (mouse, or arrows + Shift)</translation>
    </message>
    <message>
        <source>Enter: pesan sel yang dipilih</source>
        <translation>Enter: book the selected cells</translation>
    </message>
    <message>
        <source>Pilih sel kosong di grid, lalu Enter</source>
        <translation type="vanished">Select free cells in the grid, then press Enter</translation>
    </message>
    <message>
        <source>Persiapan / pembersihan</source>
        <translation>Setup / cleanup</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>PageUp/PageDown, Alt+Kiri/Kanan: minggu lain</source>
        <translation>PageUp/PageDown, Alt+Left/Right: another week</translation>
    </message>
    <message>
        <source>Minggu sebelumnya (PageUp, Alt+Kiri)</source>
        <translation>Previous week (PageUp, Alt+Left)</translation>
    </message>
    <message>
        <source>Minggu berikutnya (PageDown, Alt+Kanan)</source>
        <translation>Next week (PageDown, Alt+Right)</translation>
    </message>
    <message>
        <source>%1 s.d. %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message numerus="yes">
        <source>%n pemesanan</source>
        <translation>
            <numerusform>%n booking</numerusform>
            <numerusform>%n bookings</numerusform>
        </translation>
    </message>
    <message>
        <source>Belum ada pemesanan</source>
        <translation>No bookings yet</translation>
    </message>
    <message numerus="yes">
        <source>%n batal/dilepas</source>
        <translation>
            <numerusform>%n cancelled/released</numerusform>
            <numerusform>%n cancelled/released</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BusinessPage</name>
    <message>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Nama gedung</source>
        <translation>Building name</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>NPWP gedung</source>
        <translation>Building NPWP</translation>
    </message>
    <message>
        <source>16 angka (format lama 15 angka diterima); dicetak di perjanjian sewa stan.</source>
        <translation type="vanished">16 digits (the old 15-digit form is accepted); printed on stall lease agreements.</translation>
    </message>
    <message>
        <source>16 angka (format lama 15 angka diterima); dicetak di kuitansi dan perjanjian sewa stan.</source>
        <translation>16 digits (the old 15-digit form is accepted); printed on receipts and stall lease agreements.</translation>
    </message>
    <message>
        <source>Kota</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Tempat penandatanganan kuitansi: &quot;Jakarta, 27 November 2026&quot;.</source>
        <translation>Where receipts are signed: &quot;Jakarta, 27 November 2026&quot;.</translation>
    </message>
    <message>
        <source>Jam tutup</source>
        <translation>Closing time</translation>
    </message>
    <message>
        <source>Tamu yang belum keluar dicatat keluar otomatis setelah jam ini.</source>
        <translation>Visitors still inside are checked out automatically after this time.</translation>
    </message>
    <message>
        <source>Masa simpan data tamu</source>
        <translation>Keep visitor data for</translation>
    </message>
    <message>
        <source>Data tamu yang lebih lama dihapus (UU PDP).</source>
        <translation>Older visitor data is deleted (Personal Data Protection Law).</translation>
    </message>
    <message>
        <source>Masa simpan cadangan</source>
        <translation>Backup retention</translation>
    </message>
    <message>
        <source>Cadangan di folder data yang lebih lama dihapus; sampai itu cadangan menyimpan salinan data tamu yang sudah dihapus.</source>
        <translation>Older backups in the data folder are removed; until then backups keep a copy of erased visitors&apos; data.</translation>
    </message>
    <message>
        <source>Gedung</source>
        <translation>Building</translation>
    </message>
</context>
<context>
    <name>CashUpDialog</name>
    <message>
        <source>{amount} (logam)</source>
        <translation>{amount} (coin)</translation>
    </message>
    <message>
        <source>Tutup kas</source>
        <translation>Cash-up</translation>
    </message>
    <message>
        <source>Ringkasan shift</source>
        <translation>Shift summary</translation>
    </message>
    <message>
        <source>Modal awal</source>
        <translation>Opening float</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>Pengembalian dana</source>
        <translation>Refunds owed</translation>
    </message>
    <message>
        <source>Kas seharusnya</source>
        <translation>Expected cash</translation>
    </message>
    <message>
        <source>Kas seharusnya = modal awal + pembayaran tunai yang tidak dibatalkan.</source>
        <translation type="vanished">Expected cash = opening float + cash payments not voided.</translation>
    </message>
    <message>
        <source>Kas seharusnya = modal awal + pembayaran tunai yang tidak dibatalkan - uang tunai yang dikembalikan.</source>
        <translation>Expected cash = opening float + cash payments not voided - cash given back.</translation>
    </message>
    <message>
        <source>S&amp;hift:</source>
        <translation>S&amp;hift:</translation>
    </message>
    <message>
        <source>Hitung uang di laci</source>
        <translation>Count the cash drawer</translation>
    </message>
    <message>
        <source>mis. selisih karena uang kembalian kurang</source>
        <translation>e.g. difference because change was short</translation>
    </message>
    <message>
        <source>&amp;Catatan</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>&amp;Pratinjau laporan</source>
        <translation>&amp;Preview report</translation>
    </message>
    <message>
        <source>&amp;Simpan PDF…</source>
        <translation>&amp;Save PDF…</translation>
    </message>
    <message>
        <source>C&amp;etak laporan</source>
        <translation>P&amp;rint report</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Tutup shift…</source>
        <translation>&amp;Close shift…</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Tidak ada shift terbuka di desk ini.</source>
        <translation>No shift is open at this desk.</translation>
    </message>
    <message>
        <source>{name}, dibuka {time}</source>
        <translation>{name}, opened {time}</translation>
    </message>
    <message>
        <source> (Anda)</source>
        <translation> (you)</translation>
    </message>
    <message>
        <source>{name} · dibuka {time} WIB</source>
        <translation>{name} · opened {time} WIB</translation>
    </message>
    <message>
        <source>Ditutup {time} WIB</source>
        <translation>Closed {time} WIB</translation>
    </message>
    <message>
        <source>oleh {name}</source>
        <translation>by {name}</translation>
    </message>
    <message>
        <source>{n} · {amount}</source>
        <translation>{n} · {amount}</translation>
    </message>
    <message>
        <source>{n} · tunai -{cash}</source>
        <translation>{n} · cash -{cash}</translation>
    </message>
    <message>
        <source>Dihitung: {amount}</source>
        <translation>Counted: {amount}</translation>
    </message>
    <message>
        <source>Selisih: cocok</source>
        <translation>Difference: balanced</translation>
    </message>
    <message>
        <source>Selisih: kurang {amount}</source>
        <translation>Difference: short {amount}</translation>
    </message>
    <message>
        <source>Selisih: lebih {amount}</source>
        <translation>Difference: over {amount}</translation>
    </message>
    <message>
        <source>Menutup shift…</source>
        <translation>Closing the shift…</translation>
    </message>
    <message>
        <source>Tutup shift</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <source>Tutup shift sekarang?

Kas seharusnya {expected}, dihitung {counted}. {difference}

Setelah ditutup, pembayaran berikutnya memerlukan shift baru.</source>
        <translation>Close the shift now?

Expected cash {expected}, counted {counted}. {difference}

Once it is closed, the next payment needs a new shift.</translation>
    </message>
    <message>
        <source>Shift ditutup. Mencetak laporan kas…</source>
        <translation>Shift closed. Printing the cash-up report…</translation>
    </message>
    <message>
        <source>Laporan kas dicetak ke {printer}.</source>
        <translation>Cash-up report printed on {printer}.</translation>
    </message>
    <message>
        <source>Shift ditutup.</source>
        <translation>Shift closed.</translation>
    </message>
    <message>
        <source>Laporan kas gagal dicetak: {error}</source>
        <translation>The cash-up report did not print: {error}</translation>
    </message>
    <message>
        <source>Shift sudah ditutup.</source>
        <translation>The shift is closed.</translation>
    </message>
    <message>
        <source>Cetak ulang laporan</source>
        <translation>Print the report again</translation>
    </message>
</context>
<context>
    <name>ChargeChoice</name>
    <message>
        <source>semua yang dicentang</source>
        <translation>all those ticked</translation>
    </message>
    <message>
        <source>&amp;Jumlah dibayar</source>
        <translation>&amp;Amount paid</translation>
    </message>
    <message>
        <source>Jumlah sebagian melunasi tagihan terlama dulu, utuh; sisanya tetap terbuka.</source>
        <translation>A part payment settles the oldest charges first, each in full; the rest stay open.</translation>
    </message>
    <message>
        <source>Tagihan yang dibayar (terlama dulu):</source>
        <translation>Charges paid (oldest first):</translation>
    </message>
</context>
<context>
    <name>ChargeKindsPage</name>
    <message>
        <source>Tarif tidak valid: tulis persen, misalnya 11 atau 11,5</source>
        <translation>Invalid rate: write a percentage, e.g. 11 or 11.5</translation>
    </message>
    <message>
        <source>Tarif pajak harus 0 sampai 100%.</source>
        <translation>A tax rate must be 0 to 100%.</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Pajak</source>
        <translation>Taxes</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Tagihan &amp; pajak</source>
        <translation>Charges &amp; taxes</translation>
    </message>
    <message>
        <source>Jenis tagihan</source>
        <translation>Kind of charge</translation>
    </message>
    <message>
        <source>mis. sewa_aula</source>
        <translation>e.g. hall_rent</translation>
    </message>
    <message>
        <source>Aktif (dapat dipilih saat menagih)</source>
        <translation>Active (can be chosen when charging)</translation>
    </message>
    <message>
        <source>Tambah pajak</source>
        <translation>Add tax</translation>
    </message>
    <message>
        <source>Tanpa pajak.</source>
        <translation>No taxes.</translation>
    </message>
    <message>
        <source>Jenis baru</source>
        <translation>New kind</translation>
    </message>
    <message>
        <source>Simpan jenis</source>
        <translation>Save kind</translation>
    </message>
    <message>
        <source>Pajak yang diubah hanya berlaku untuk tagihan baru; tagihan dan kuitansi yang sudah ada tetap memakai pajak lamanya. Kode tidak dapat diubah setelah disimpan.</source>
        <translation>Changed taxes apply to new charges only; existing charges and receipts keep their taxes. The code cannot be changed once saved.</translation>
    </message>
    <message>
        <source>Nama pajak</source>
        <translation>Tax name</translation>
    </message>
    <message>
        <source>Tarif (%)</source>
        <translation>Rate (%)</translation>
    </message>
</context>
<context>
    <name>ChargePayDialog</name>
    <message>
        <source>Pembayaran tagihan</source>
        <translation type="vanished">Pay a charge</translation>
    </message>
    <message>
        <source>Tagihan</source>
        <translation type="vanished">Charge</translation>
    </message>
    <message>
        <source>Enter: kolom berikutnya · Ctrl+Enter: bayar</source>
        <translation type="vanished">Enter: next field · Ctrl+Enter: pay</translation>
    </message>
    <message>
        <source>{description}: {quantity} {unit} × {price} = {amount}</source>
        <translation type="vanished">{description}: {quantity} {unit} × {price} = {amount}</translation>
    </message>
    <message>
        <source>Bayar tagihan</source>
        <translation>Pay a charge</translation>
    </message>
    <message>
        <source>&amp;Bayar &amp;&amp; cetak</source>
        <translation>&amp;Pay &amp;&amp; print</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{payer} ({kind}) · {what}</source>
        <translation>{payer} ({kind}) · {what}</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation type="vanished">Total {amount}</translation>
    </message>
    <message>
        <source>{payer} ({kind}) · {count} tagihan terbuka</source>
        <translation>{payer} ({kind}) · {count} open charges</translation>
    </message>
    <message>
        <source>Tagihan ini sudah tidak terbuka.</source>
        <translation>This charge is no longer open.</translation>
    </message>
    <message>
        <source>Belum ada shift kas terbuka. Buka shift (isi modal awal) sebelum membayar.</source>
        <translation>No cash shift is open. Open one (enter the opening float) before taking payment.</translation>
    </message>
    <message>
        <source>Buka shift…</source>
        <translation>Open shift…</translation>
    </message>
    <message>
        <source>{description}: {quantity}{unit} × {price}</source>
        <translation>{description}: {quantity}{unit} × {price}</translation>
    </message>
    <message>
        <source>− potongan {amount}</source>
        <translation>− discount {amount}</translation>
    </message>
    <message>
        <source>Isi jumlah uang yang diterima.</source>
        <translation>Enter the amount of cash received.</translation>
    </message>
    <message>
        <source>Menyimpan pembayaran…</source>
        <translation>Saving the payment…</translation>
    </message>
</context>
<context>
    <name>ChargePayment</name>
    <message>
        <source>Dibayar: kuitansi {number}. Mencetak kuitansi…</source>
        <translation>Paid: receipt {number}. Printing the receipt…</translation>
    </message>
    <message>
        <source>Pembayaran tersimpan (kuitansi {number}), tetapi kuitansi gagal dicetak: {error}</source>
        <translation>The payment is saved (receipt {number}), but the receipt could not be printed: {error}</translation>
    </message>
    <message>
        <source>Dibayar: kuitansi {number}.</source>
        <translation>Paid: receipt {number}.</translation>
    </message>
    <message>
        <source>Kuitansi dicetak ke {printer}.</source>
        <translation>Receipt printed to {printer}.</translation>
    </message>
</context>
<context>
    <name>CheckOutBar</name>
    <message>
        <source>Check-out tamu</source>
        <translation type="vanished">Check visitors out</translation>
    </message>
    <message>
        <source>Pindai badge</source>
        <translation>Scan badge</translation>
    </message>
    <message>
        <source>check-out tamu · check-in peserta acara</source>
        <translation>visitor check-out · event participant check-in</translation>
    </message>
    <message>
        <source>Pindai badge / ketik nomor badge</source>
        <translation type="vanished">Scan the badge / type the badge number</translation>
    </message>
    <message>
        <source>Pindai badge / ketik nomor, nama, HP</source>
        <translation>Scan a badge / type a number, name, phone</translation>
    </message>
    <message>
        <source>Badge tamu: tamu keluar (check-out). Badge peserta acara: peserta masuk (check-in) dan tercatat sebagai tamu hari ini.</source>
        <translation>A visitor&apos;s badge checks the visitor out. An event participant&apos;s badge checks the participant in, registered as a visitor of the day.</translation>
    </message>
    <message>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <source>Tekan F2 dari mana saja di aplikasi untuk memindai</source>
        <translation>Press F2 anywhere in the application to scan</translation>
    </message>
    <message>
        <source>{name} masuk sebagai peserta · {badge} · {time}</source>
        <translation>{name} checked in as a participant · {badge} · {time}</translation>
    </message>
    <message>
        <source>Check-out {name} ({badge})?</source>
        <translation>Check out {name} ({badge})?</translation>
    </message>
    <message>
        <source>Check-out {name}</source>
        <translation>Check out {name}</translation>
    </message>
    <message>
        <source>Pilih tamu yang keluar:</source>
        <translation>Choose the visitor who is leaving:</translation>
    </message>
    <message>
        <source>Check-out {badge}</source>
        <translation>Check out {badge}</translation>
    </message>
    <message>
        <source>Tekan F2 dari mana saja di halaman ini untuk memindai</source>
        <translation type="vanished">Press F2 anywhere on this page to scan</translation>
    </message>
    <message>
        <source>{name} keluar · {badge} · {time}</source>
        <translation>{name} left · {badge} · {time}</translation>
    </message>
</context>
<context>
    <name>CheckOutChoices</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>masuk {time}</source>
        <translation>in {time}</translation>
    </message>
</context>
<context>
    <name>ColumnsFormPage</name>
    <message>
        <source>{label} (nonaktif)</source>
        <translation>{label} (inactive)</translation>
    </message>
</context>
<context>
    <name>ConflictFieldsModel</name>
    <message>
        <source>Kolom</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Dikirim desk {desk}</source>
        <translation>Sent by desk {desk}</translation>
    </message>
    <message>
        <source>Di server</source>
        <translation>On the server</translation>
    </message>
    <message>
        <source>{side} (berlaku)</source>
        <translation>{side} (current)</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Nama tamu</source>
        <translation>Visitor name</translation>
    </message>
    <message>
        <source>Organisasi</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>No. HP</source>
        <translation>Mobile no.</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Keperluan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Tuan rumah</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>Dicatat masuk oleh</source>
        <translation>Checked in by</translation>
    </message>
    <message>
        <source>Berlaku sampai</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Checked out</translation>
    </message>
    <message>
        <source>Dicatat keluar oleh</source>
        <translation>Checked out by</translation>
    </message>
    <message>
        <source>Cara check-out</source>
        <translation>Check-out method</translation>
    </message>
    <message>
        <source>Kunjungan (id)</source>
        <translation>Visit (id)</translation>
    </message>
    <message>
        <source>Tamu (id)</source>
        <translation>Visitor (id)</translation>
    </message>
    <message>
        <source>Persetujuan data</source>
        <translation>Data consent</translation>
    </message>
    <message>
        <source>Kunjungan terakhir</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>Jumlah kunjungan</source>
        <translation>Number of visits</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Desk asal</source>
        <translation>Origin desk</translation>
    </message>
    <message>
        <source>Versi</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Dibuat</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Diubah</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Dihapus</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>(tidak ada)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Konflik sinkronisasi</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <source>Tampilkan yang sudah selesai</source>
        <translation>Show resolved ones</translation>
    </message>
    <message>
        <source>Catatan keputusan (mis. alasannya)</source>
        <translation>Note on the decision (e.g. the reason)</translation>
    </message>
    <message>
        <source>Pertahankan versi server</source>
        <translation>Keep the server&apos;s version</translation>
    </message>
    <message>
        <source>Versi yang sekarang berlaku di server tetap dipakai di semua desk.</source>
        <translation>The version now current on the server stays in use at every desk.</translation>
    </message>
    <message>
        <source>Pulihkan versi desk ini</source>
        <translation>Restore this desk&apos;s version</translation>
    </message>
    <message>
        <source>Versi yang kalah dipakai lagi, sebagai perubahan baru dari desk ini.</source>
        <translation>The version that lost is used again, as a new change from this desk.</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message numerus="yes">
        <source>%n konflik belum selesai</source>
        <translation>
            <numerusform>%n unresolved conflict</numerusform>
            <numerusform>%n unresolved conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>Tidak ada konflik yang perlu ditangani.</source>
        <translation>No conflicts to deal with.</translation>
    </message>
    <message numerus="yes">
        <source>%n konflik</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>Pulihkan versi server sebelumnya</source>
        <translation>Restore the server&apos;s previous version</translation>
    </message>
    <message>
        <source>Pulihkan versi desk {desk}</source>
        <translation>Restore desk {desk}&apos;s version</translation>
    </message>
    <message>
        <source>Pilih konflik di daftar untuk melihat kedua versinya.</source>
        <translation>Choose a conflict in the list to see both its versions.</translation>
    </message>
    <message>
        <source>desk {desk} · {time}</source>
        <translation>desk {desk} · {time}</translation>
    </message>
    <message>
        <source>Alasan server: {reason}</source>
        <translation>Server&apos;s reason: {reason}</translation>
    </message>
    <message>
        <source>{status}, {time}. Catatan: {note}</source>
        <translation>{status}, {time}. Note: {note}</translation>
    </message>
    <message>
        <source>Satu tagihan dibayar di dua desk saat offline. Kedua kuitansi tetap tercatat; konflik ini selesai setelah kuitansi kedua dibatalkan (pengembalian uang) dan pembatalan itu tersinkron.</source>
        <translation>One charge was paid at two desks while offline. Both receipts stay on record; this conflict is settled once the second receipt is voided (the refund) and that void has synced.</translation>
    </message>
    <message>
        <source>Dua desk memesan ruang yang sama saat offline; pemesanan dari desk {desk} sampai di server kemudian.</source>
        <translation>Two desks booked the same space while offline; the booking from desk {desk} reached the server later.</translation>
    </message>
    <message>
        <source>Dua desk menyewakan stan yang sama untuk hari yang bertumpuk saat offline; sewa dari desk {desk} sampai di server kemudian. Pindahkan sewa itu ke stan atau tanggal lain, atau batalkan.</source>
        <translation>Two desks leased the same stall for overlapping days while offline; the lease from desk {desk} reached the server later. Move that lease to another stall or other dates, or cancel it.</translation>
    </message>
    <message>
        <source>Server menolak perubahan dari desk {desk}; perubahan itu belum berlaku di desk lain. Putuskan versi mana yang dipakai.</source>
        <translation>The server refused a change from desk {desk}; it has not reached the other desks. Decide which version is used.</translation>
    </message>
    <message>
        <source>Dua desk mengubah data yang sama. Berlaku versi dari desk {desk}; versi sebelumnya di server tersimpan di sini.</source>
        <translation>Two desks changed the same record. The version from desk {desk} is current; the server&apos;s previous version is kept here.</translation>
    </message>
    <message>
        <source>Dua desk mengubah data yang sama. Versi yang sudah ada di server tetap berlaku; versi dari desk {desk} tersimpan di sini.</source>
        <translation>Two desks changed the same record. The version already on the server stays current; the version from desk {desk} is kept here.</translation>
    </message>
    <message>
        <source>Menyimpan keputusan…</source>
        <translation>Saving the decision…</translation>
    </message>
    <message>
        <source>Keputusan ini dikirim ke semua desk pada sinkronisasi berikutnya.</source>
        <translation>The decision reaches every desk with the next sync.</translation>
    </message>
    <message>
        <source>Konflik diselesaikan ({status}). Keputusan ini dikirim ke semua desk pada sinkronisasi berikutnya.</source>
        <translation>Conflict resolved ({status}). The decision reaches every desk with the next sync.</translation>
    </message>
</context>
<context>
    <name>ConflictsTableModel</name>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Diubah di dua desk</source>
        <translation>Changed at two desks</translation>
    </message>
    <message>
        <source>Ditolak server</source>
        <translation>Refused by the server</translation>
    </message>
    <message>
        <source>Dibayar dua kali</source>
        <translation>Paid twice</translation>
    </message>
    <message>
        <source>Bentrok pemesanan</source>
        <translation>Booking clash</translation>
    </message>
    <message>
        <source>Bentrok sewa stan</source>
        <translation>Stall lease clash</translation>
    </message>
    <message>
        <source>Tamu</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>Kunjungan</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Check-out</source>
        <translation>Check-out</translation>
    </message>
    <message>
        <source>Keperluan kunjungan</source>
        <translation>Visit purpose</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>Log audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Pemesanan ruang</source>
        <translation>Space booking</translation>
    </message>
    <message>
        <source>Sewa stan</source>
        <translation>Stall lease</translation>
    </message>
    <message>
        <source>Dokumen tenan</source>
        <translation>Tenant document</translation>
    </message>
    <message>
        <source>Berlaku versi desk {desk}</source>
        <translation>Desk {desk}&apos;s version is current</translation>
    </message>
    <message>
        <source>Berlaku versi yang sudah ada di server</source>
        <translation>The server&apos;s existing version is current</translation>
    </message>
    <message>
        <source>Perlu keputusan</source>
        <translation>Needs a decision</translation>
    </message>
    <message>
        <source>Perlu ditinjau</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>dipertahankan</source>
        <translation>kept</translation>
    </message>
    <message>
        <source>dipulihkan</source>
        <translation>restored</translation>
    </message>
    <message>
        <source>dikembalikan</source>
        <translation>refunded</translation>
    </message>
    <message>
        <source>pembayaran sah</source>
        <translation>the valid payment</translation>
    </message>
    <message>
        <source>dipindahkan</source>
        <translation>moved</translation>
    </message>
    <message>
        <source>dibatalkan</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>Selesai: {choice} oleh {who}</source>
        <translation>Resolved: {choice} by {who}</translation>
    </message>
</context>
<context>
    <name>DayBookingsModel</name>
    <message>
        <source>{title} · {booker} ({status})</source>
        <translation type="vanished">{title} · {booker} ({status})</translation>
    </message>
</context>
<context>
    <name>DayGrid</name>
    <message>
        <source>{kind} · {capacity} orang</source>
        <translation>{kind} · {capacity} people</translation>
    </message>
</context>
<context>
    <name>DemoFillDialog</name>
    <message>
        <source>Data demo - Smesco Desk</source>
        <translation>Demo data - Smesco Desk</translation>
    </message>
    <message>
        <source>Menyiapkan gedung demo</source>
        <translation>Setting up the demo building</translation>
    </message>
    <message>
        <source>Mengisi pengguna, kunjungan 40 hari terakhir, tamu yang sedang di dalam, dan kuitansi kemarin dan hari ini. Halaman masuk muncul setelah selesai.</source>
        <translation>Filling in users, the visits of the last 40 days, the visitors inside now, and yesterday&apos;s and today&apos;s receipts. The login appears when it is done.</translation>
    </message>
    <message>
        <source>Data demo tidak dapat dibuat</source>
        <translation>The demo data could not be made</translation>
    </message>
</context>
<context>
    <name>DepositReturnDialog</name>
    <message>
        <source>Kembalikan deposit</source>
        <translation>Return deposit</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Alasan potongan</source>
        <translation>Reason for deduction</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>&amp;Tambah potongan</source>
        <translation>&amp;Add deduction</translation>
    </message>
    <message>
        <source>&amp;Kembalikan deposit</source>
        <translation>&amp;Return deposit</translation>
    </message>
    <message>
        <source>mis. kerusakan meja, tagihan listrik</source>
        <translation>e.g. damaged table, power bill</translation>
    </message>
    <message>
        <source>Dikembalikan ke tenan: &lt;b&gt;{amount}&lt;/b&gt;</source>
        <translation>Returned to the tenant: &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Potongan melebihi deposit sebesar {amount}.</source>
        <translation>The deductions exceed the deposit by {amount}.</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <source>Kode desk ini</source>
        <translation>This desk&apos;s code</translation>
    </message>
    <message>
        <source>Selamat datang di Smesco Desk</source>
        <translation>Welcome to Smesco Desk</translation>
    </message>
    <message>
        <source>Dua langkah singkat, kode meja ini lalu akun administrator pertama, menyiapkan komputer ini sebagai meja depan Gedung SMESCO.</source>
        <translation>Two short steps, this desk&apos;s code and then the first administrator&apos;s account, set this computer up as a front desk of the SMESCO building.</translation>
    </message>
    <message>
        <source>Tiga langkah singkat menyiapkan komputer ini sebagai meja depan Gedung SMESCO.</source>
        <translation type="vanished">Three short steps set this computer up as a front desk of the SMESCO building.</translation>
    </message>
    <message>
        <source>Setiap meja depan punya kode sendiri, mis. D01 untuk meja pertama di lobi dan D02 untuk meja kedua. Kode ini tercetak di nomor kartu tamu dan kuitansi, dan tidak dapat diubah nanti.</source>
        <translation>Every front desk has its own code, e.g. D01 for the first desk in the lobby and D02 for the second. The code is printed in badge and receipt numbers and cannot be changed later.</translation>
    </message>
</context>
<context>
    <name>DocumentPrinter</name>
    <message>
        <source>Dokumen PDF tidak dapat dibuka (rusak atau kosong).</source>
        <translation>The PDF document cannot be opened (damaged or empty).</translation>
    </message>
    <message>
        <source>Printer “{name}” tidak ditemukan. Periksa sambungannya atau pilih printer lain di Pengaturan › Printer.</source>
        <translation>Printer “{name}” was not found. Check its connection or choose another printer in Settings › Printers.</translation>
    </message>
    <message>
        <source>Belum ada printer di komputer ini. Pasang printer, atau pilih satu di Pengaturan › Printer.</source>
        <translation>This computer has no printer yet. Install one, or choose one in Settings › Printers.</translation>
    </message>
    <message>
        <source>Printer “{name}” tidak dapat dipakai.</source>
        <translation>Printer “{name}” cannot be used.</translation>
    </message>
    <message>
        <source>Printer “{name}” sedang berhenti atau bermasalah. Periksa kertas, tinta dan sambungannya, lalu aktifkan kembali.</source>
        <translation>Printer “{name}” is stopped or has a problem. Check paper, ink and connection, then enable it again.</translation>
    </message>
    <message>
        <source>Printer “{name}” sedang tidak menerima pekerjaan cetak. Minta admin mengaktifkannya kembali.</source>
        <translation>Printer “{name}” is not accepting print jobs. Ask an administrator to enable it again.</translation>
    </message>
    <message>
        <source>Printer “{name}” menolak pekerjaan cetak ini.</source>
        <translation>Printer “{name}” refused this print job.</translation>
    </message>
    <message>
        <source>Pencetakan ke “{name}” gagal.</source>
        <translation>Printing to “{name}” failed.</translation>
    </message>
    <message>
        <source>Printer “{name}” berhenti di tengah dokumen.</source>
        <translation>Printer “{name}” stopped in the middle of the document.</translation>
    </message>
    <message>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>PDF tidak dapat disimpan ke {path}: {reason}</source>
        <translation>The PDF could not be saved to {path}: {reason}</translation>
    </message>
    <message>
        <source>Tidak dapat mencetak</source>
        <translation>Cannot print</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Siap dipakai</source>
        <translation>Ready to use</translation>
    </message>
    <message>
        <source>Langkah berikutnya: pilih printer kartu tamu dan kuitansi di Pengaturan › Printer, lalu tambahkan akun resepsionis di Pengaturan › Pengguna.</source>
        <translation>Next: choose the badge and receipt printers in Settings › Printers, then add receptionist accounts in Settings › Users.</translation>
    </message>
    <message>
        <source>Desk {desk} sudah disiapkan. Anda masuk sebagai {name} ({role}).</source>
        <translation>Desk {desk} is set up. You are logged in as {name} ({role}).</translation>
    </message>
</context>
<context>
    <name>DueTab</name>
    <message>
        <source>Belum dibayar</source>
        <translation>Unpaid</translation>
    </message>
    <message>
        <source>Lunas</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Terjadwal</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due day</translation>
    </message>
    <message>
        <source>Stan</source>
        <translation>Stall</translation>
    </message>
    <message>
        <source>Tenan</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Untuk</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Mula&amp;i</source>
        <translation>F&amp;rom</translation>
    </message>
    <message>
        <source>Hari itu saja</source>
        <translation>That day only</translation>
    </message>
    <message>
        <source>7 hari</source>
        <translation>7 days</translation>
    </message>
    <message>
        <source>Hari ini</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Tagihan sewa, denda, deposit dan utilitas yang jatuh tempo pada hari itu (atau 7 hari sejak hari itu) atau dibuat pada hari itu; sewa yang belum dibuat tagihannya tampil &quot;Terjadwal&quot;.</source>
        <translation>Rent, late fees, deposits and utilities falling due on that day (or in the 7 days from it) or made on that day; rent not yet charged shows as &quot;Scheduled&quot;.</translation>
    </message>
    <message numerus="yes">
        <source>%n tagihan · belum dibayar {unpaid} dari {total}</source>
        <translation>
            <numerusform>%n charge · unpaid {unpaid} of {total}</numerusform>
            <numerusform>%n charges · unpaid {unpaid} of {total}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventActions</name>
    <message>
        <source>Cetak bad&amp;ge…</source>
        <translation>Print bad&amp;ges…</translation>
    </message>
    <message>
        <source>Daftar &amp;hadir</source>
        <translation>Attendance &amp;list</translation>
    </message>
    <message>
        <source>Daftar hadir A4 untuk tanda tangan peserta</source>
        <translation>A4 attendance list for the participants&apos; signatures</translation>
    </message>
    <message>
        <source>Pratinjau…</source>
        <translation>Preview…</translation>
    </message>
    <message>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Chec&amp;k-in peserta</source>
        <translation>Chec&amp;k participant in</translation>
    </message>
    <message>
        <source>Peserta yang dipilih datang: dicatat sebagai tamu hari ini</source>
        <translation>The selected participant has arrived: registered as a visitor of the day</translation>
    </message>
    <message>
        <source>Menyiapkan badge peserta…</source>
        <translation>Preparing the participants&apos; badges…</translation>
    </message>
    <message>
        <source>{n} badge peserta disimpan ke {path}.</source>
        <translation>{n} participant badges saved to {path}.</translation>
    </message>
    <message>
        <source>{n} badge peserta dicetak ke {printer}.</source>
        <translation>{n} participant badges printed on {printer}.</translation>
    </message>
    <message>
        <source>Menyiapkan daftar hadir…</source>
        <translation>Preparing the attendance list…</translation>
    </message>
    <message>
        <source>Daftar hadir disimpan ke {path}.</source>
        <translation>Attendance list saved to {path}.</translation>
    </message>
    <message>
        <source>Daftar hadir dicetak ke {printer}.</source>
        <translation>Attendance list printed on {printer}.</translation>
    </message>
    <message>
        <source>Pilih satu peserta di daftar untuk check-in.</source>
        <translation>Choose one participant in the list to check in.</translation>
    </message>
    <message>
        <source>Mencatat kedatangan peserta…</source>
        <translation>Recording the participant&apos;s arrival…</translation>
    </message>
    <message>
        <source>{name} check-in pukul {time} WIB; terdaftar sebagai tamu hari ini.</source>
        <translation>{name} checked in at {time} WIB; registered as a visitor of the day.</translation>
    </message>
</context>
<context>
    <name>EventDocuments</name>
    <message>
        <source>Badge peserta {title}</source>
        <translation>Participant badges {title}</translation>
    </message>
    <message>
        <source>Menyiapkan badge peserta…</source>
        <translation>Preparing the participants&apos; badges…</translation>
    </message>
    <message>
        <source>Daftar hadir {title}</source>
        <translation>Attendance list {title}</translation>
    </message>
    <message>
        <source>Menyiapkan daftar hadir…</source>
        <translation>Preparing the attendance list…</translation>
    </message>
</context>
<context>
    <name>EventKindCombo</name>
    <message>
        <source>Bukan acara</source>
        <translation>Not an event</translation>
    </message>
    <message>
        <source>Acara (pelatihan, lokakarya, seminar) punya daftar peserta: impor, badge, daftar hadir, check-in dengan memindai badge.</source>
        <translation>An event (training, workshop, seminar) has a participant list: import, badges, attendance list, check-in by scanning the badge.</translation>
    </message>
</context>
<context>
    <name>EventKindEditor</name>
    <message>
        <source>Bukan acara</source>
        <translation>Not an event</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Penyiapan awal - Smesco Desk</source>
        <translation>First-time setup - Smesco Desk</translation>
    </message>
    <message>
        <source>&lt; Kembali</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Lanjut &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Batalkan penyiapan?</source>
        <translation>Cancel the set-up?</translation>
    </message>
    <message>
        <source>Penyiapan belum selesai. Tutup Smesco Desk sekarang?

Penyiapan dimulai lagi saat aplikasi dibuka berikutnya.</source>
        <translation>The set-up is not finished. Close Smesco Desk now?

The set-up starts again the next time the application is opened.</translation>
    </message>
</context>
<context>
    <name>FloorPlan</name>
    <message>
        <source>Sewa sampai {day}</source>
        <translation>Leased until {day}</translation>
    </message>
    <message>
        <source>Tagihan terbuka {amount}</source>
        <translation>Owed {amount}</translation>
    </message>
</context>
<context>
    <name>FoodCourtPage</name>
    <message>
        <source>Be&amp;randa</source>
        <translation>&amp;Home</translation>
    </message>
    <message>
        <source>&amp;Denah</source>
        <translation>&amp;Floor plan</translation>
    </message>
    <message>
        <source>S&amp;tan</source>
        <translation>S&amp;talls</translation>
    </message>
    <message>
        <source>Te&amp;nan</source>
        <translation>Te&amp;nants</translation>
    </message>
    <message>
        <source>Se&amp;wa</source>
        <translation>&amp;Leases</translation>
    </message>
    <message>
        <source>&amp;Jatuh tempo</source>
        <translation>&amp;Due</translation>
    </message>
    <message>
        <source>Tungga&amp;kan</source>
        <translation>&amp;Arrears</translation>
    </message>
    <message>
        <source>&amp;Meter</source>
        <translation>&amp;Meters</translation>
    </message>
    <message>
        <source>&amp;Omzet</source>
        <translation>T&amp;urnover</translation>
    </message>
</context>
<context>
    <name>GroupBar</name>
    <message>
        <source>&amp;Rombongan</source>
        <translation>G&amp;roup</translation>
    </message>
    <message>
        <source>Tamu yang datang bersama: organisasi, keperluan dan tuan rumah tetap untuk orang berikutnya; cukup isi nama, No. HP dan persetujuan.</source>
        <translation>Visitors arriving together: the organisation, purpose and host stay for the next person; fill in only the name, mobile number and consent.</translation>
    </message>
    <message>
        <source>Badge satu per satu</source>
        <translation>Badges one by one</translation>
    </message>
    <message>
        <source>Badge sekaligus di akhir</source>
        <translation>All badges at the end</translation>
    </message>
    <message>
        <source>Mencetak {count} badge…</source>
        <translation>Printing {count} badges…</translation>
    </message>
    <message>
        <source>Rombongan selesai: {count} orang terdaftar.</source>
        <translation>Group done: {count} people registered.</translation>
    </message>
    <message>
        <source>{count} orang terdaftar</source>
        <translation>{count} people registered</translation>
    </message>
    <message>
        <source>Selesai · cetak {count} badge</source>
        <translation>Done · print {count} badges</translation>
    </message>
    <message>
        <source>Selesai · {count} badge</source>
        <translation>Done · {count} badges</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>{count} badge rombongan dicetak dalam satu kali cetak.</source>
        <translation>{count} group badges printed in one print job.</translation>
    </message>
    <message>
        <source>Badge rombongan gagal dicetak: {error}</source>
        <translation>The group&apos;s badges could not be printed: {error}</translation>
    </message>
</context>
<context>
    <name>HomeSection</name>
    <message numerus="yes">
        <source>dan %n lainnya</source>
        <translation>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Tidak ada.</source>
        <translation>None.</translation>
    </message>
    <message>
        <source>Lihat semua…</source>
        <translation>See all…</translation>
    </message>
</context>
<context>
    <name>HomeTab</name>
    <message>
        <source>Sewa berakhir dalam 30 hari</source>
        <translation>Leases ending within 30 days</translation>
    </message>
    <message>
        <source>{day} · {stall} · {tenant}</source>
        <translation>{day} · {stall} · {tenant}</translation>
    </message>
    <message>
        <source>Stan kosong</source>
        <translation>Vacant stalls</translation>
    </message>
    <message>
        <source>{code} · lantai {floor} · {size} m²</source>
        <translation>{code} · floor {floor} · {size} m²</translation>
    </message>
    <message>
        <source>Jatuh tempo hari ini</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>Jatuh tempo 7 hari ke depan</source>
        <translation>Due in the next 7 days</translation>
    </message>
    <message>
        <source>total {total} · belum dibayar {unpaid}</source>
        <translation>total {total} · unpaid {unpaid}</translation>
    </message>
    <message>
        <source>{stall} · {tenant} · {amount}</source>
        <translation>{stall} · {tenant} · {amount}</translation>
    </message>
    <message>
        <source>(lunas)</source>
        <translation>(paid)</translation>
    </message>
    <message>
        <source>0–30 hari</source>
        <translation>0–30 days</translation>
    </message>
    <message>
        <source>31–60 hari</source>
        <translation>31–60 days</translation>
    </message>
    <message>
        <source>61–90 hari</source>
        <translation>61–90 days</translation>
    </message>
    <message>
        <source>&gt; 90 hari</source>
        <translation>&gt; 90 days</translation>
    </message>
    <message>
        <source>Tunggakan</source>
        <translation>Arrears</translation>
    </message>
    <message numerus="yes">
        <source>%n tenan · total {total}</source>
        <translation>
            <numerusform>%n tenant · total {total}</numerusform>
            <numerusform>%n tenants · total {total}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Bahasa tampilan</source>
        <translation>Display language</translation>
    </message>
    <message>
        <source>Bahasa baru berlaku setelah aplikasi ditutup dan dibuka kembali. Kartu tamu dan kuitansi ikut bahasa ini.</source>
        <translation>A new language takes effect after the application is closed and opened again. Badges and receipts follow this language.</translation>
    </message>
    <message>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>LateFeesPage</name>
    <message>
        <source>Tanpa denda</source>
        <translation>No late fee</translation>
    </message>
    <message>
        <source>Persentase per bulan</source>
        <translation>Percentage per month</translation>
    </message>
    <message>
        <source>Jumlah tetap per bulan</source>
        <translation>Fixed amount per month</translation>
    </message>
    <message>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Denda juga dikenai denda</source>
        <translation>Late fees earn late fees too</translation>
    </message>
    <message>
        <source>Denda keterlambatan</source>
        <translation>Late fee</translation>
    </message>
    <message>
        <source>Dikenakan tiap bulan tagihan sewa, listrik dan air atau biaya layanan belum dibayar setelah jatuh tempo; tidak untuk deposit.</source>
        <translation>Charged for every month a bill for rent, power and water or the service charge is unpaid after its due date; never on a deposit.</translation>
    </message>
    <message>
        <source>Persentase</source>
        <translation>Percentage</translation>
    </message>
    <message>
        <source>Dari jumlah tagihan yang terlambat, per bulan.</source>
        <translation>Of the overdue amount, per month.</translation>
    </message>
    <message>
        <source>Jumlah tetap</source>
        <translation>Fixed amount</translation>
    </message>
    <message>
        <source>Per tagihan, per bulan terlambat.</source>
        <translation>Per bill, per month overdue.</translation>
    </message>
    <message>
        <source>Masa tenggang</source>
        <translation>Grace period</translation>
    </message>
    <message>
        <source>Hari setelah jatuh tempo (dan setelah awal tiap bulan terlambat) sebelum denda dikenakan.</source>
        <translation>Days after the due date (and after the start of each month overdue) before the fee is charged.</translation>
    </message>
    <message>
        <source>Biasanya tidak: denda hanya dihitung dari tagihan pokok.</source>
        <translation>Usually not: late fees are computed on the bills themselves only.</translation>
    </message>
    <message>
        <source>Denda sewa</source>
        <translation>Late fees</translation>
    </message>
</context>
<context>
    <name>LeaseChangeDialog</name>
    <message>
        <source>Akhiri sewa</source>
        <translation>End lease</translation>
    </message>
    <message>
        <source>Batalkan sewa</source>
        <translation>Cancel lease</translation>
    </message>
    <message>
        <source>Stan {stall} · {tenant}
{first} s.d. {last} · {period}</source>
        <translation>Stall {stall} · {tenant}
{first} to {last} · {period}</translation>
    </message>
    <message>
        <source>Bebaskan &amp;biaya pemutusan</source>
        <translation>&amp;Waive the termination fee</translation>
    </message>
    <message>
        <source>Hari &amp;terakhir</source>
        <translation>&amp;Last day</translation>
    </message>
    <message>
        <source>Pemberitahuan</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>mis. usaha tutup, pindah lokasi</source>
        <translation>e.g. business closed, moved elsewhere</translation>
    </message>
    <message>
        <source>&amp;Alasan</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Akhiri &amp;sewa</source>
        <translation>End &amp;lease</translation>
    </message>
    <message>
        <source>&amp;Batalkan sewa</source>
        <translation>&amp;Cancel lease</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{days} hari sebelum hari terakhir; kurang dari itu dikenai biaya {periods} kali sewa.</source>
        <translation>{days} days before the last day; less than that costs a fee of {periods} times the rent.</translation>
    </message>
    <message>
        <source>Biaya {amount} dibebaskan.</source>
        <translation>Fee of {amount} waived.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Biaya pemutusan: {amount}&lt;/b&gt; (pemberitahuan {given} hari).</source>
        <translation>&lt;b&gt;Termination fee: {amount}&lt;/b&gt; ({given} days of notice).</translation>
    </message>
    <message>
        <source>Tanpa biaya.</source>
        <translation>No fee.</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>LeaseDialog</name>
    <message>
        <source>Sewakan stan</source>
        <translation>Lease a stall</translation>
    </message>
    <message>
        <source>ketik nama usaha atau pemilik</source>
        <translation type="vanished">type the business or owner name</translation>
    </message>
    <message>
        <source>Tenan &amp;baru…</source>
        <translation>&amp;New tenant…</translation>
    </message>
    <message>
        <source>&amp;Tenan</source>
        <translation>&amp;Tenant</translation>
    </message>
    <message>
        <source>&amp;Stan</source>
        <translation>&amp;Stall</translation>
    </message>
    <message>
        <source>&amp;Periode</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <source>s.d.</source>
        <translation>to</translation>
    </message>
    <message>
        <source>&amp;Mulai</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>Sewa</source>
        <translation>Rent</translation>
    </message>
    <message>
        <source>Deposit menjadi tagihan tenan: dibayar sekarang atau nanti.</source>
        <translation>The deposit becomes the tenant&apos;s charge: paid now or later.</translation>
    </message>
    <message>
        <source>0 = tanpa sewa omzet</source>
        <translation>0 = no turnover rent</translation>
    </message>
    <message>
        <source>Bila diisi: tenan membayar yang lebih besar dari sewa dasar dan persentase omzet sebulan.</source>
        <translation>If filled in: the tenant pays the higher of the base rent and this share of the month&apos;s turnover.</translation>
    </message>
    <message>
        <source>Sewa &amp;omzet (%)</source>
        <translation>Turnover &amp;rent (%)</translation>
    </message>
    <message>
        <source>&amp;Catatan</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>&amp;Sewakan</source>
        <translation>&amp;Lease</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{code} · lantai {floor} · {size} m²</source>
        <translation>{code} · floor {floor} · {size} m²</translation>
    </message>
    <message>
        <source>per hari</source>
        <translation>per day</translation>
    </message>
    <message>
        <source>per minggu</source>
        <translation>per week</translation>
    </message>
    <message>
        <source>per bulan</source>
        <translation>per month</translation>
    </message>
    <message>
        <source>{rent} {per} · deposit {deposit}</source>
        <translation>{rent} {per} · deposit {deposit}</translation>
    </message>
    <message>
        <source>Stan ini tidak disewakan {per}.</source>
        <translation>This stall is not let {per}.</translation>
    </message>
    <message>
        <source>Persentase seperti 7,5 (0 sampai 50).</source>
        <translation>A percentage such as 7.5 (0 to 50).</translation>
    </message>
    <message>
        <source>Pilih tenan, atau buat tenan baru.</source>
        <translation>Choose a tenant, or make a new one.</translation>
    </message>
    <message>
        <source>Menyimpan sewa…</source>
        <translation>Saving the lease…</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Stan {stall} disewakan ke {tenant}, {first} s.d. {last}.</source>
        <translation>Stall {stall} leased to {tenant}, {first} to {last}.</translation>
    </message>
    <message>
        <source>deposit</source>
        <translation>deposit</translation>
    </message>
    <message>
        <source>sewa</source>
        <translation>rent</translation>
    </message>
    <message>
        <source>Bayar &amp;deposit &amp;&amp; sewa…</source>
        <translation>Pay &amp;deposit &amp;&amp; rent…</translation>
    </message>
    <message>
        <source>&amp;Bayar…</source>
        <translation>&amp;Pay…</translation>
    </message>
    <message>
        <source>Bayar se&amp;wa…</source>
        <translation type="vanished">Pay &amp;rent…</translation>
    </message>
    <message>
        <source>{what} {amount}</source>
        <translation>{what} {amount}</translation>
    </message>
    <message>
        <source>Belum dibayar: {owed}.</source>
        <translation>Not yet paid: {owed}.</translation>
    </message>
    <message>
        <source>Deposit {amount} belum dibayar.</source>
        <translation type="vanished">Deposit {amount} not paid yet.</translation>
    </message>
    <message>
        <source>Bayar &amp;deposit…</source>
        <translation>Pay &amp;deposit…</translation>
    </message>
    <message>
        <source>Stan ini sudah disewa {tenant} pada sebagian tanggal itu.</source>
        <translation>This stall is leased to {tenant} on some of those days.</translation>
    </message>
</context>
<context>
    <name>LeaseMovesPanel</name>
    <message>
        <source>Pindahkan</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Batalkan sewa</source>
        <translation>Cancel lease</translation>
    </message>
    <message>
        <source>Tagihan yang belum dibayar dibatalkan; deposit yang sudah dibayar dicatat untuk dikembalikan (Pembayaran › Pengembalian).</source>
        <translation>Unpaid charges are cancelled; a deposit already paid is recorded as owed back (Payments › Refunds).</translation>
    </message>
    <message>
        <source>Stan</source>
        <translation>Stall</translation>
    </message>
    <message>
        <source>dari</source>
        <translation>from</translation>
    </message>
    <message>
        <source>s.d.</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Pindahkan sewa ke stan atau tanggal yang masih kosong:</source>
        <translation>Move the lease to a stall or dates that are still free:</translation>
    </message>
    <message>
        <source>Memindahkan sewa…</source>
        <translation>Moving the lease…</translation>
    </message>
    <message>
        <source>Membatalkan sewa…</source>
        <translation>Cancelling the lease…</translation>
    </message>
    <message>
        <source>Sewa {tenant} di stan {stall} dibatalkan; deposit yang sudah dibayar tercatat untuk dikembalikan.</source>
        <translation>The lease of {tenant} at stall {stall} was cancelled; a deposit already paid is recorded as owed back.</translation>
    </message>
    <message>
        <source>Sewa {tenant} dipindahkan ke stan {stall}, {first} s.d. {last}.</source>
        <translation>The lease of {tenant} was moved to stall {stall}, {first} to {last}.</translation>
    </message>
</context>
<context>
    <name>LeasePoliciesPage</name>
    <message>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <source> × sewa per periode</source>
        <translation> × rent per period</translation>
    </message>
    <message>
        <source>Pemberitahuan</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>Tenan yang mengakhiri sewa lebih awal memberi tahu paling lambat sekian hari sebelum hari terakhirnya.</source>
        <translation>A tenant ending a lease early gives notice at least this many days before its last day.</translation>
    </message>
    <message>
        <source>Biaya pemutusan</source>
        <translation>Notice fee</translation>
    </message>
    <message>
        <source>Untuk pemberitahuan yang kurang dari itu: sekian kali sewa per periode sewa itu (sewa bulanan: sekian bulan sewa). 0: tanpa biaya. Tertulis di perjanjian sewa.</source>
        <translation>For shorter notice: this many times the lease&apos;s rent per period (a monthly lease: this many months&apos; rent). 0: no fee. Stated in the lease agreement.</translation>
    </message>
    <message>
        <source>Sewa stan</source>
        <translation>Stall leases</translation>
    </message>
</context>
<context>
    <name>LeasesTab</name>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Diakhiri</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Selesai masa sewa</source>
        <translation>Term over</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Bentrok</source>
        <translation>In conflict</translation>
    </message>
    <message>
        <source>Stan</source>
        <translation>Stall</translation>
    </message>
    <message>
        <source>Tenan</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Sampai</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation type="vanished">Period</translation>
    </message>
    <message>
        <source>Sewa</source>
        <translation>Rent</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tagihan</source>
        <translation>Owed</translation>
    </message>
    <message>
        <source>/hari</source>
        <translation>/day</translation>
    </message>
    <message>
        <source>/minggu</source>
        <translation>/week</translation>
    </message>
    <message>
        <source>/bulan</source>
        <translation>/month</translation>
    </message>
    <message>
        <source>Cari stan atau tenan…</source>
        <translation>Search stall or tenant…</translation>
    </message>
    <message>
        <source>Cari…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <source>Aktif (berjalan dan dipesan)</source>
        <translation>Active (running and booked)</translation>
    </message>
    <message>
        <source>Berakhir dalam 30 hari</source>
        <translation>Ending within 30 days</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>&amp;Sewakan…</source>
        <translation>&amp;Lease…</translation>
    </message>
    <message>
        <source>Ba&amp;yar…</source>
        <translation>Pa&amp;y…</translation>
    </message>
    <message>
        <source>&amp;Akhiri sewa…</source>
        <translation>&amp;End lease…</translation>
    </message>
    <message>
        <source>Ba&amp;talkan…</source>
        <translation>Ca&amp;ncel…</translation>
    </message>
    <message>
        <source>Cetak &amp;perjanjian…</source>
        <translation>Print &amp;agreement…</translation>
    </message>
    <message>
        <source>Perpan&amp;jang…</source>
        <translation>Re&amp;new…</translation>
    </message>
    <message>
        <source>Kembalikan &amp;deposit…</source>
        <translation>Return &amp;deposit…</translation>
    </message>
    <message>
        <source>Sewa stan {stall} ({tenant}) diperpanjang sampai {day}.</source>
        <translation>Lease of stall {stall} ({tenant}) renewed until {day}.</translation>
    </message>
    <message>
        <source>Sewa stan {stall} ({tenant}) diubah.</source>
        <translation>Lease of stall {stall} ({tenant}) changed.</translation>
    </message>
</context>
<context>
    <name>LineRow</name>
    <message>
        <source>Ketik atau pilih layanan…</source>
        <translation>Type or choose a service…</translation>
    </message>
    <message>
        <source>Ubah harga dari daftar harga (perlu persetujuan supervisor)</source>
        <translation>Change the price-list price (needs a supervisor&apos;s approval)</translation>
    </message>
    <message>
        <source>Ubah harga</source>
        <translation>Change price</translation>
    </message>
    <message>
        <source>Hapus baris</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <source>Harga dari daftar harga. Ubah dengan ✎ (perlu persetujuan supervisor).</source>
        <translation>The price-list price. Change it with ✎ (needs a supervisor&apos;s approval).</translation>
    </message>
    <message>
        <source>Diskon di atas batas {limit}%: perlu persetujuan supervisor saat membayar.</source>
        <translation>Discount above the {limit}% limit: needs a supervisor&apos;s approval when paying.</translation>
    </message>
</context>
<context>
    <name>LinesEditor</name>
    <message>
        <source>+ T&amp;ambah baris</source>
        <translation>+ &amp;Add line</translation>
    </message>
    <message>
        <source>Tambah baris (Ctrl+T)</source>
        <translation>Add a line (Ctrl+T)</translation>
    </message>
    <message>
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Banyak</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Harga satuan</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <source>Diskon</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Potongan</source>
        <translation type="vanished">Discount</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Masuk - Smesco Desk</source>
        <translation>Log in - Smesco Desk</translation>
    </message>
    <message>
        <source>Smesco Desk</source>
        <translation>Smesco Desk</translation>
    </message>
    <message>
        <source>Masuk untuk mulai bertugas di meja depan.</source>
        <translation>Log in to start your shift at the front desk.</translation>
    </message>
    <message>
        <source>mis. sari</source>
        <translation>e.g. sari</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Kata sandi Anda sementara. Pilih kata sandi baru (minimal 8 karakter).</source>
        <translation>Your password is a temporary one. Choose a new password (at least 8 characters).</translation>
    </message>
    <message>
        <source>Kata sandi baru</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Ulangi</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Isi nama pengguna.</source>
        <translation>Enter your username.</translation>
    </message>
    <message>
        <source>Kedua kata sandi baru tidak sama.</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <source>Simpan dan masuk</source>
        <translation>Save and log in</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Smesco Desk</source>
        <translation>Smesco Desk</translation>
    </message>
    <message>
        <source>Tamu</source>
        <translation>Visitors</translation>
    </message>
    <message>
        <source>Ruang</source>
        <translation>Rooms</translation>
    </message>
    <message>
        <source>Pujasera</source>
        <translation>Food court</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Gedung SMESCO, Jakarta</source>
        <translation>SMESCO Building, Jakarta</translation>
    </message>
    <message>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <source>Desk {desk}</source>
        <translation>Desk {desk}</translation>
    </message>
    <message numerus="yes">
        <source>Di dalam gedung: %n orang</source>
        <translation>
            <numerusform>In the building: %n person</numerusform>
            <numerusform>In the building: %n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pemesanan ruang dilepas (tamu tidak datang).</source>
        <translation>
            <numerusform>%n room booking released (nobody came).</numerusform>
            <numerusform>%n room bookings released (nobody came).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kunjungan dicatat keluar otomatis (lewat jam tutup).</source>
        <translation>
            <numerusform>%n visit checked out automatically (past closing time).</numerusform>
            <numerusform>%n visits checked out automatically (past closing time).</numerusform>
        </translation>
    </message>
    <message>
        <source>Cadangkan data…</source>
        <translation type="vanished">Back up data…</translation>
    </message>
    <message>
        <source>Keluar akun</source>
        <translation type="vanished">Log out</translation>
    </message>
    <message>
        <source>Tutup aplikasi</source>
        <translation type="vanished">Quit</translation>
    </message>
    <message>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Ba&amp;ntuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Pindai badge (check-out tamu / check-in peserta)</source>
        <translation>&amp;Scan a badge (visitor check-out / participant check-in)</translation>
    </message>
    <message>
        <source>Tentang Smesco Desk</source>
        <translation>About Smesco Desk</translation>
    </message>
    <message>
        <source>Mencadangkan data…</source>
        <translation>Backing up data…</translation>
    </message>
    <message>
        <source>Pembayaran</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>&amp;Cadangkan data…</source>
        <translation>&amp;Back up data…</translation>
    </message>
    <message>
        <source>&amp;Keluar akun</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <source>&amp;Tutup aplikasi</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Tentang Smesco Desk</source>
        <translation>&amp;About Smesco Desk</translation>
    </message>
    <message>
        <source>&amp;Pindai badge (check-out)</source>
        <translation type="vanished">&amp;Scan a badge (check-out)</translation>
    </message>
    <message>
        <source>&amp;Daftarkan tamu</source>
        <translation>&amp;Register a visitor</translation>
    </message>
    <message>
        <source>&amp;Tamu</source>
        <translation>&amp;Visitors</translation>
    </message>
    <message>
        <source>&amp;Saring tamu di gedung</source>
        <translation>&amp;Filter the people in the building</translation>
    </message>
    <message>
        <source>Check-&amp;out tamu terpilih…</source>
        <translation>Check &amp;out the chosen visitor…</translation>
    </message>
    <message>
        <source>&amp;Cetak ulang badge tamu terpilih</source>
        <translation>Reprint the &amp;chosen visitor&apos;s badge</translation>
    </message>
    <message>
        <source>Penjualan &amp;baru…</source>
        <translation>&amp;New sale…</translation>
    </message>
    <message>
        <source>B&amp;uka shift kas…</source>
        <translation>&amp;Open cash shift…</translation>
    </message>
    <message>
        <source>&amp;Tutup kas…</source>
        <translation>&amp;Cash-up…</translation>
    </message>
    <message>
        <source>&amp;Pembayaran</source>
        <translation>&amp;Payments</translation>
    </message>
    <message>
        <source>Cadangkan data</source>
        <translation>Back up data</translation>
    </message>
    <message>
        <source>Cadangan basis data (*.sqlite3)</source>
        <translation>Database backups (*.sqlite3)</translation>
    </message>
    <message>
        <source>Cadangan selesai</source>
        <translation>Backup finished</translation>
    </message>
    <message>
        <source>Data dicadangkan ke:
{path}

Ukuran {size:.1f} MB; pemeriksaan: {check}.</source>
        <translation>Data backed up to:
{path}

Size {size:.1f} MB; integrity check: {check}.</translation>
    </message>
    <message>
        <source>Cadangan gagal</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Smesco Desk {version}&lt;/h3&gt;&lt;p&gt;Aplikasi meja depan dan kantor tenan Gedung SMESCO, Jakarta: pendaftaran tamu, kartu tamu, ruang, pujasera dan kuitansi.&lt;/p&gt;&lt;p&gt;LLP-KUKM · Qt {qt}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Smesco Desk {version}&lt;/h3&gt;&lt;p&gt;Front desk and tenant office application of the SMESCO building, Jakarta: visitor registration, badges, rooms, food court and receipts.&lt;/p&gt;&lt;p&gt;LLP-KUKM · Qt {qt}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MeterGridModel</name>
    <message>
        <source>Stan</source>
        <translation>Stall</translation>
    </message>
    <message>
        <source>Tenan</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Listrik lalu</source>
        <translation>Power before</translation>
    </message>
    <message>
        <source>Listrik bulan ini</source>
        <translation>Power this month</translation>
    </message>
    <message>
        <source>Pakai kWh</source>
        <translation>Used kWh</translation>
    </message>
    <message>
        <source>Air lalu</source>
        <translation>Water before</translation>
    </message>
    <message>
        <source>Air bulan ini</source>
        <translation>Water this month</translation>
    </message>
    <message>
        <source>Pakai m³</source>
        <translation>Used m³</translation>
    </message>
    <message>
        <source>Tagihan</source>
        <translation>Bill</translation>
    </message>
    <message>
        <source>(kosong)</source>
        <translation>(vacant)</translation>
    </message>
    <message>
        <source>Sudah ditagih</source>
        <translation>Billed</translation>
    </message>
    <message>
        <source> (meter baru)</source>
        <translation> (new meter)</translation>
    </message>
    <message>
        <source>Pemakaian biasanya: {usual}</source>
        <translation>Usual consumption: {usual}</translation>
    </message>
</context>
<context>
    <name>MeterReadingsView</name>
    <message>
        <source>Semua lantai</source>
        <translation>All floors</translation>
    </message>
    <message>
        <source>Lantai {n}</source>
        <translation>Floor {n}</translation>
    </message>
    <message>
        <source>Simpan angka meter</source>
        <translation>Save readings</translation>
    </message>
    <message>
        <source>Meter diganti…</source>
        <translation>Meter replaced…</translation>
    </message>
    <message>
        <source>Catat meter baru untuk stan dan kolom (listrik atau air) yang dipilih.</source>
        <translation>Record a new meter for the chosen stall and column (power or water).</translation>
    </message>
    <message>
        <source>Tagih bulan ini</source>
        <translation>Bill this month</translation>
    </message>
    <message>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Lantai</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>Ketik angka meter lalu Enter: kursor turun ke stan berikutnya.</source>
        <translation>Type a reading, then Enter: the cursor moves down to the next stall.</translation>
    </message>
    <message>
        <source>selebihnya {price}</source>
        <translation>above that {price}</translation>
    </message>
    <message>
        <source>Tarif listrik: {power}. Air: {water}. Biaya layanan: {m2}/m².</source>
        <translation>Power tariff: {power}. Water: {water}. Service charge: {m2}/m².</translation>
    </message>
    <message>
        <source>{stall}: {reasons}. Periksa lagi; ditanyakan saat disimpan.</source>
        <translation>{stall}: {reasons}. Check it; you will be asked when saving.</translation>
    </message>
    <message>
        <source>Belum ada angka meter yang diketik.</source>
        <translation>No reading has been typed yet.</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>{n} angka meter disimpan.</source>
        <translation>{n} readings saved.</translation>
    </message>
    <message>
        <source>Tidak ada yang disimpan. Perbaiki baris ini:</source>
        <translation>Nothing was saved. Correct these rows:</translation>
    </message>
    <message>
        <source>lebih kecil dari bulan lalu</source>
        <translation>lower than last month</translation>
    </message>
    <message>
        <source>lebih dari sepuluh kali pemakaian biasanya</source>
        <translation>more than ten times the usual consumption</translation>
    </message>
    <message>
        <source>Angka meter ini tidak biasa:
{rows}

Sudah diperiksa dan benar? (Meter yang diganti: jawab Tidak, lalu pakai &quot;Meter diganti…&quot;.)</source>
        <translation>These readings are unusual:
{rows}

Checked and correct? (A replaced meter: answer No, then use &quot;Meter replaced…&quot;.)</translation>
    </message>
    <message>
        <source>Periksa angka meter</source>
        <translation>Check the readings</translation>
    </message>
    <message>
        <source>Pilih dulu stannya di tabel.</source>
        <translation>Choose the stall in the table first.</translation>
    </message>
    <message>
        <source>Meter baru {stall} dicatat.</source>
        <translation>New meter of {stall} recorded.</translation>
    </message>
    <message>
        <source>Tagihkan listrik, air dan biaya layanan bulan {month} ke setiap tenan? Tagihan yang sudah dibuat tidak dibuat lagi.</source>
        <translation>Bill power, water and the service charge of {month} to every tenant? Bills already made are not made again.</translation>
    </message>
    <message>
        <source>Menagih…</source>
        <translation>Billing…</translation>
    </message>
    <message>
        <source>{n} tagihan dibuat, jumlah {total}.</source>
        <translation>{n} bills made, {total} in all.</translation>
    </message>
    <message>
        <source>Belum ditagih: {stalls}.</source>
        <translation>Not billed yet: {stalls}.</translation>
    </message>
</context>
<context>
    <name>MeterReplaceDialog</name>
    <message>
        <source>Meter {meter} {stall} diganti</source>
        <translation>{meter} meter of {stall} replaced</translation>
    </message>
    <message>
        <source>boleh kosong</source>
        <translation>may be left empty</translation>
    </message>
    <message>
        <source>Angka akhir meter lama</source>
        <translation>Old meter&apos;s final reading</translation>
    </message>
    <message>
        <source>Angka awal meter baru</source>
        <translation>New meter&apos;s first reading</translation>
    </message>
    <message>
        <source>Nomor meter baru</source>
        <translation>New meter&apos;s number</translation>
    </message>
    <message>
        <source>Pemakaian meter lama sampai angka akhirnya ditagih bulan ini; meter baru mulai dihitung dari angka awalnya.</source>
        <translation>The old meter&apos;s use up to its final reading is billed this month; the new meter counts from its first reading.</translation>
    </message>
    <message>
        <source>Isi angka awal meter baru.</source>
        <translation>Fill in the new meter&apos;s first reading.</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Ubah waktu pemesanan</source>
        <translation>Change booking time</translation>
    </message>
    <message>
        <source>Sebelumnya</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>&amp;Judul</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Ruang</source>
        <translation>&amp;Space</translation>
    </message>
    <message>
        <source>&amp;Tanggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>s.d.</source>
        <translation>to</translation>
    </message>
    <message>
        <source>WIB</source>
        <translation>WIB</translation>
    </message>
    <message>
        <source>&amp;Waktu</source>
        <translation>T&amp;ime</translation>
    </message>
    <message>
        <source>Badge dan daftar hadir yang sudah dicetak memuat waktu lama: cetak ulang setelah dipindah.</source>
        <translation>Badges and attendance lists already printed show the old time: print them again after the move.</translation>
    </message>
    <message>
        <source>Ubah:</source>
        <translation>Change:</translation>
    </message>
    <message>
        <source>&amp;Hanya yang ini</source>
        <translation>&amp;Only this one</translation>
    </message>
    <message>
        <source>Ini dan &amp;berikutnya</source>
        <translation>This and &amp;following</translation>
    </message>
    <message>
        <source>Seluruh &amp;seri</source>
        <translation>The whole &amp;series</translation>
    </message>
    <message>
        <source>Jam digeser pada hari masing-masing jadwal; ruang dan tanggal tetap.</source>
        <translation>The times shift on each occurrence&apos;s own day; the space and the date stay.</translation>
    </message>
    <message>
        <source>Harga lama</source>
        <translation>Old price</translation>
    </message>
    <message>
        <source>Harga baru</source>
        <translation>New price</translation>
    </message>
    <message>
        <source>Selisih</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>&amp;Simpan perubahan</source>
        <translation>&amp;Save changes</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tagihan baru {amount} (yang sudah dibayar tetap).</source>
        <translation>New charge of {amount} (what was paid stands).</translation>
    </message>
    <message>
        <source>Dikembalikan kepada pemesan {amount}.</source>
        <translation>{amount} owed back to the booker.</translation>
    </message>
    <message>
        <source>Tidak ada selisih.</source>
        <translation>No difference.</translation>
    </message>
    <message>
        <source>Belum dibayar: tagihan menjadi {amount}.</source>
        <translation>Not paid yet: the charge becomes {amount}.</translation>
    </message>
    <message>
        <source>Harga tetap.</source>
        <translation>The price stays.</translation>
    </message>
    <message>
        <source>Menyimpan perubahan…</source>
        <translation>Saving the changes…</translation>
    </message>
    <message>
        <source>Tidak disimpan: ruang sudah terpakai</source>
        <translation>Not saved: the space is taken</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>Buka shift kas</source>
        <translation>Open cash shift</translation>
    </message>
    <message>
        <source>Hitung uang di laci kas sebelum penjualan pertama dan isi jumlahnya.</source>
        <translation>Count the cash in the drawer before the first sale and enter the amount.</translation>
    </message>
    <message>
        <source>mis. Rp500.000</source>
        <translation>e.g. Rp500.000</translation>
    </message>
    <message>
        <source>&amp;Modal awal</source>
        <translation>Opening &amp;float</translation>
    </message>
    <message>
        <source>&amp;Buka shift</source>
        <translation>&amp;Open shift</translation>
    </message>
    <message>
        <source>Isi modal awal (boleh Rp0).</source>
        <translation>Enter the opening float (Rp0 is fine).</translation>
    </message>
</context>
<context>
    <name>OpeningHoursGrid</name>
    <message>
        <source>Sen</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Buka hari Senin</source>
        <translation>Open on Monday</translation>
    </message>
    <message>
        <source>Sel</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Buka hari Selasa</source>
        <translation>Open on Tuesday</translation>
    </message>
    <message>
        <source>Rab</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Buka hari Rabu</source>
        <translation>Open on Wednesday</translation>
    </message>
    <message>
        <source>Kam</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Buka hari Kamis</source>
        <translation>Open on Thursday</translation>
    </message>
    <message>
        <source>Jum</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Buka hari Jumat</source>
        <translation>Open on Friday</translation>
    </message>
    <message>
        <source>Sab</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Buka hari Sabtu</source>
        <translation>Open on Saturday</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>Buka hari Minggu</source>
        <translation>Open on Sunday</translation>
    </message>
</context>
<context>
    <name>ParticipantsPanel</name>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Organisasi</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Hadir</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <source>Tandai sebagai acara untuk mengelola peserta: pilih Pelatihan, Lokakarya atau Seminar pada “Acara” di tab Rincian. Acara punya daftar peserta (impor CSV/XLSX), badge, daftar hadir, dan check-in dengan memindai badge.</source>
        <translation>Mark it as an event to manage participants: choose Training, Workshop or Seminar under “Event” in the Details tab. An event has a participant list (CSV/XLSX import), badges, an attendance list and check-in by scanning the badge.</translation>
    </message>
    <message>
        <source>Tandai sebagai a&amp;cara…</source>
        <translation>Mark as an e&amp;vent…</translation>
    </message>
    <message>
        <source>&amp;Impor CSV/XLSX…</source>
        <translation>&amp;Import CSV/XLSX…</translation>
    </message>
    <message>
        <source>Kolom: nama, telepon, organisasi, NIK, email (judul kolom di baris pertama)</source>
        <translation>Columns: name, phone, organisation, NIK, email (the column titles in the first row)</translation>
    </message>
    <message>
        <source>Ta&amp;mbah peserta…</source>
        <translation>Add participan&amp;t…</translation>
    </message>
    <message>
        <source>{n} peserta terdaftar dari {planned} yang direncanakan; kapasitas ruang {capacity} orang.</source>
        <translation>{n} participants registered of {planned} planned; the space holds {capacity} people.</translation>
    </message>
    <message>
        <source>Impor daftar peserta atau tambahkan satu per satu.</source>
        <translation>Import a participant list or add them one by one.</translation>
    </message>
    <message>
        <source>Impor daftar peserta</source>
        <translation>Import a participant list</translation>
    </message>
    <message>
        <source>Daftar peserta ({patterns});;Semua berkas (*)</source>
        <translation>Participant lists ({patterns});;All files (*)</translation>
    </message>
    <message>
        <source>Memeriksa berkas…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <source>{n} peserta diimpor.</source>
        <translation>{n} participants imported.</translation>
    </message>
    <message>
        <source>{n} baris yang salah dilewati.</source>
        <translation>{n} bad rows skipped.</translation>
    </message>
    <message>
        <source>{name} ditambahkan sebagai peserta.</source>
        <translation>{name} added as a participant.</translation>
    </message>
    <message>
        <source>Berkas tidak bisa dibaca: {reason}</source>
        <translation>The file cannot be read: {reason}</translation>
    </message>
</context>
<context>
    <name>PaymentDocuments</name>
    <message>
        <source>Menyiapkan kuitansi…</source>
        <translation>Preparing the receipt…</translation>
    </message>
    <message>
        <source>Bukti pengembalian dana</source>
        <translation>Refund proof</translation>
    </message>
    <message>
        <source>Menyiapkan bukti…</source>
        <translation>Preparing the proof…</translation>
    </message>
    <message>
        <source>Menyiapkan laporan kas…</source>
        <translation>Preparing the cash-up report…</translation>
    </message>
    <message>
        <source>Laporan tutup kas</source>
        <translation>Cash-up report</translation>
    </message>
</context>
<context>
    <name>PaymentPanel</name>
    <message>
        <source>&amp;Tunai</source>
        <translation>Ca&amp;sh</translation>
    </message>
    <message>
        <source>&amp;QRIS</source>
        <translation>&amp;QRIS</translation>
    </message>
    <message>
        <source>T&amp;ransfer</source>
        <translation>T&amp;ransfer</translation>
    </message>
    <message>
        <source>&amp;Kartu</source>
        <translation>Car&amp;d</translation>
    </message>
    <message>
        <source>Cara bayar</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>&amp;Uang diterima</source>
        <translation>Cash recei&amp;ved</translation>
    </message>
    <message>
        <source>Uang &amp;pas</source>
        <translation>E&amp;xact</translation>
    </message>
    <message>
        <source>Nomor transaksi di struk EDC / aplikasi</source>
        <translation>Transaction number on the EDC slip / app</translation>
    </message>
    <message>
        <source>No. r&amp;eferensi</source>
        <translation>Re&amp;ference no.</translation>
    </message>
    <message>
        <source>Pembayaran non-tunai selalu tepat sebesar total.</source>
        <translation>A non-cash payment is always exactly the total.</translation>
    </message>
    <message>
        <source>Kembalian {amount}</source>
        <translation>Change {amount}</translation>
    </message>
    <message>
        <source>Kurang {amount}</source>
        <translation>Short {amount}</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <source>Kuitansi</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <source>Shift dibuka dengan modal {amount}.</source>
        <translation>Shift opened with a float of {amount}.</translation>
    </message>
    <message>
        <source>Tidak ada shift terbuka untuk ditutup.</source>
        <translation>There is no open shift to close.</translation>
    </message>
    <message>
        <source>Shift {name} ditutup (kas seharusnya {expected}, dihitung {counted}).</source>
        <translation>Shift of {name} closed (expected cash {expected}, counted {counted}).</translation>
    </message>
    <message>
        <source>Shift ditutup (kas seharusnya {expected}, dihitung {counted}). Penjualan berikutnya memerlukan shift baru.</source>
        <translation>Shift closed (expected cash {expected}, counted {counted}). The next sale needs a new shift.</translation>
    </message>
    <message>
        <source>Mencetak kuitansi…</source>
        <translation>Printing the receipt…</translation>
    </message>
    <message>
        <source>Kuitansi dicetak ke {printer}.</source>
        <translation>Receipt printed on {printer}.</translation>
    </message>
    <message>
        <source>Pembayaran tersimpan, tetapi kuitansi gagal dicetak: {error}</source>
        <translation>The payment is saved, but the receipt did not print: {error}</translation>
    </message>
    <message>
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Kembalian {amount}</source>
        <translation>Change {amount}</translation>
    </message>
    <message>
        <source>Lunas {amount}</source>
        <translation>Paid {amount}</translation>
    </message>
    <message>
        <source>{number} · {payer} · total {total}.</source>
        <translation>{number} · {payer} · total {total}.</translation>
    </message>
    <message>
        <source>Mencetak kuitansi {number}…</source>
        <translation>Printing receipt {number}…</translation>
    </message>
    <message>
        <source>Kuitansi {number} gagal dicetak: {error}</source>
        <translation>Receipt {number} did not print: {error}</translation>
    </message>
    <message>
        <source>Kuitansi {number} dicetak ke {printer}.</source>
        <translation>Receipt {number} printed on {printer}.</translation>
    </message>
    <message>
        <source>Kuitansi {number} dibatalkan (BATAL).</source>
        <translation>Receipt {number} voided (BATAL).</translation>
    </message>
    <message>
        <source>Mencari…</source>
        <translation type="vanished">Searching…</translation>
    </message>
    <message numerus="yes">
        <source>%n kuitansi</source>
        <translation type="vanished">
            <numerusform>%n receipt</numerusform>
            <numerusform>%n receipts</numerusform>
        </translation>
    </message>
    <message>
        <source>Tidak ada kuitansi yang cocok dengan “{text}”.</source>
        <translation>No receipt matches “{text}”.</translation>
    </message>
    <message>
        <source>Belum ada kuitansi pada tanggal ini.</source>
        <translation>No receipts on this date yet.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Pratinjau: {title}</source>
        <translation>Preview: {title}</translation>
    </message>
    <message>
        <source>Pas halaman</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <source>Pas lebar</source>
        <translation>Fit width</translation>
    </message>
    <message numerus="yes">
        <source>%n halaman</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Perbesaran:</source>
        <translation>Zoom:</translation>
    </message>
    <message>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Printer: {name}</source>
        <translation>Printer: {name}</translation>
    </message>
    <message>
        <source>(belum ada)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>Tidak dapat mencetak</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <source>Tidak dapat menyimpan</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>Disimpan ke {path}.</source>
        <translation>Saved to {path}.</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>Lantai</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>Lantai {floor}</source>
        <translation>Floor {floor}</translation>
    </message>
    <message>
        <source>Semua keadaan</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>Semua fasilitas</source>
        <translation>All facilities</translation>
    </message>
    <message>
        <source>Ada air</source>
        <translation>With water</translation>
    </message>
    <message>
        <source>Ada gas</source>
        <translation>With gas</translation>
    </message>
    <message>
        <source>Ada listrik</source>
        <translation>With power</translation>
    </message>
    <message>
        <source>&amp;Cetak denah…</source>
        <translation>&amp;Print floor plan…</translation>
    </message>
    <message>
        <source>Denah lantai ini di A4 mendatar, untuk papan info</source>
        <translation>This floor plan on A4 landscape, for the notice board</translation>
    </message>
    <message>
        <source>Klik stan atau tekan Enter untuk kartunya; seret untuk memindahkannya.</source>
        <translation>Click a stall or press Enter for its card; drag it to move it.</translation>
    </message>
    <message>
        <source>Klik stan atau tekan Enter untuk kartunya.</source>
        <translation>Click a stall or press Enter for its card.</translation>
    </message>
    <message>
        <source>{state} ({count})</source>
        <translation>{state} ({count})</translation>
    </message>
    <message>
        <source>Memindahkan stan…</source>
        <translation>Moving the stall…</translation>
    </message>
    <message>
        <source>Denah pujasera lantai {floor}</source>
        <translation>Food court floor plan, floor {floor}</translation>
    </message>
    <message>
        <source>Menyiapkan denah…</source>
        <translation>Preparing the floor plan…</translation>
    </message>
    <message>
        <source>Tidak dapat mencetak</source>
        <translation>Cannot print</translation>
    </message>
</context>
<context>
    <name>PricesPage</name>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nama layanan</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Harga</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Jenis tagihan</source>
        <translation>Kind of charge</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Layanan</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>mis. studio_jam</source>
        <translation>e.g. studio_hour</translation>
    </message>
    <message>
        <source>mis. jam, lembar</source>
        <translation>e.g. hour, sheet</translation>
    </message>
    <message>
        <source>mis. 150.000</source>
        <translation>e.g. 150.000</translation>
    </message>
    <message>
        <source>Aktif (dapat dipilih saat menagih)</source>
        <translation>Active (can be chosen when charging)</translation>
    </message>
    <message>
        <source>Layanan baru</source>
        <translation>New service</translation>
    </message>
    <message>
        <source>Simpan harga</source>
        <translation>Save price</translation>
    </message>
    <message>
        <source>Kode tidak dapat diubah setelah disimpan. Harga baru berlaku untuk tagihan berikutnya; layanan yang tidak dijual lagi cukup dinonaktifkan.</source>
        <translation>The code cannot be changed once saved. A new price applies to the next charges; a service no longer sold can simply be deactivated.</translation>
    </message>
    <message>
        <source>{label} (nonaktif)</source>
        <translation>{label} (inactive)</translation>
    </message>
</context>
<context>
    <name>PrintersPage</name>
    <message>
        <source>Kartu tamu</source>
        <translation>Visitor badges</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <source>Dokumen kantor (A4)</source>
        <translation>Office documents (A4)</translation>
    </message>
    <message>
        <source>Kartu CR80 (85,6 × 54 mm)</source>
        <translation>CR80 card (85.6 × 54 mm)</translation>
    </message>
    <message>
        <source>Label gulung</source>
        <translation>Label roll</translation>
    </message>
    <message>
        <source>Bentuk kartu tamu</source>
        <translation>Badge format</translation>
    </message>
    <message>
        <source>Cetak kartu tamu otomatis setelah pendaftaran</source>
        <translation>Print the badge automatically after registration</translation>
    </message>
    <message>
        <source>Tampilkan pratinjau sebelum mencetak</source>
        <translation>Show a preview before printing</translation>
    </message>
    <message>
        <source>“Printer bawaan sistem” memakai printer utama komputer ini. Printer baru muncul di daftar setelah dipasang di sistem operasi.</source>
        <translation>“System default printer” uses the main printer of this computer. New printers appear in the list once installed in the operating system.</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printers</translation>
    </message>
    <message>
        <source>Printer bawaan sistem ({name})</source>
        <translation>System default printer ({name})</translation>
    </message>
    <message>
        <source>Printer bawaan sistem (belum ada)</source>
        <translation>System default printer (none yet)</translation>
    </message>
    <message>
        <source>{name} (tidak tersedia)</source>
        <translation>{name} (not available)</translation>
    </message>
</context>
<context>
    <name>PurposesPage</name>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Label (Indonesia)</source>
        <translation>Label (Indonesian)</translation>
    </message>
    <message>
        <source>Label (Inggris)</source>
        <translation>Label (English)</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Tujuan kunjungan</source>
        <translation>Visit purposes</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>mis. pameran</source>
        <translation>e.g. exhibition</translation>
    </message>
    <message>
        <source>Aktif (muncul di pendaftaran)</source>
        <translation>Active (offered at registration)</translation>
    </message>
    <message>
        <source>Tujuan aktif ditawarkan di formulir pendaftaran tamu.</source>
        <translation>Active purposes are offered on the visitor registration form.</translation>
    </message>
    <message>
        <source>Tujuan baru</source>
        <translation>New purpose</translation>
    </message>
    <message>
        <source>Simpan tujuan</source>
        <translation>Save purpose</translation>
    </message>
    <message>
        <source>Kode tidak dapat diubah setelah disimpan. Tujuan yang tidak dipakai lagi cukup dinonaktifkan; kunjungan lama tetap menyebutnya.</source>
        <translation>A code cannot be changed once saved. Deactivate a purpose that is no longer used; past visits keep showing it.</translation>
    </message>
</context>
<context>
    <name>ReceiptDetails</name>
    <message>
        <source>Pilih kuitansi di daftar untuk melihat rinciannya.</source>
        <translation>Choose a receipt in the list to see its details.</translation>
    </message>
    <message>
        <source>{time} WIB · Desk {desk}</source>
        <translation>{time} WIB · Desk {desk}</translation>
    </message>
    <message>
        <source>{name} ({kind})</source>
        <translation>{name} ({kind})</translation>
    </message>
    <message>
        <source>{quantity}{unit} × {price}</source>
        <translation>{quantity}{unit} × {price}</translation>
    </message>
    <message>
        <source>− potongan {amount}</source>
        <translation>− discount {amount}</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Potongan</source>
        <translation type="vanished">Discount</translation>
    </message>
    <message>
        <source>Diskon</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Cara bayar</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Tendered</translation>
    </message>
    <message>
        <source>Kembalian</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Referensi</source>
        <translation>Reference</translation>
    </message>
    <message numerus="yes">
        <source>%n kali (berikutnya: SALINAN)</source>
        <translation>
            <numerusform>%n time (next: COPY)</numerusform>
            <numerusform>%n times (next: COPY)</numerusform>
        </translation>
    </message>
    <message>
        <source>Belum dicetak</source>
        <translation>Not printed yet</translation>
    </message>
    <message>
        <source>Kasir</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <source>Dicetak</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Dibatalkan {time} WIB oleh {name}. Alasan: {reason}</source>
        <translation>Voided {time} WIB by {name}. Reason: {reason}</translation>
    </message>
</context>
<context>
    <name>ReceiptPanel</name>
    <message>
        <source>Cetak &amp;ulang</source>
        <translation>&amp;Reprint</translation>
    </message>
    <message>
        <source>Cetak lagi sebagai SALINAN (Ctrl+P)</source>
        <translation>Print again as a COPY (SALINAN) (Ctrl+P)</translation>
    </message>
    <message>
        <source>Prat&amp;injau</source>
        <translation>Previe&amp;w</translation>
    </message>
    <message>
        <source>&amp;Simpan PDF…</source>
        <translation>&amp;Save PDF…</translation>
    </message>
    <message>
        <source>B&amp;atalkan…</source>
        <translation>Vo&amp;id…</translation>
    </message>
    <message>
        <source>Struk 80 mm</source>
        <translation>80 mm roll</translation>
    </message>
    <message>
        <source>Kertas A5</source>
        <translation>A5 paper</translation>
    </message>
    <message>
        <source>K&amp;ertas kuitansi</source>
        <translation>Receipt pap&amp;er</translation>
    </message>
</context>
<context>
    <name>ReceiptSearchBar</name>
    <message>
        <source>Cari nomor, pembayar atau jumlah… (Ctrl+F)</source>
        <translation>Search number, payer or amount… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Cari nomor, pembayar, jumlah…</source>
        <translation>Number, payer, amount…</translation>
    </message>
    <message>
        <source>Se&amp;mua tanggal</source>
        <translation>All &amp;dates</translation>
    </message>
    <message>
        <source>Cari di semua tanggal (perlu kata pencarian)</source>
        <translation>Search every date (needs search words)</translation>
    </message>
</context>
<context>
    <name>ReceiptsSummaryLabel</name>
    <message>
        <source>Mencari…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Nomor dilewati: {reason}</source>
        <translation>Numbers skipped: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n kuitansi</source>
        <translation>
            <numerusform>%n receipt</numerusform>
            <numerusform>%n receipts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n batal</source>
        <translation>
            <numerusform>%n voided</numerusform>
            <numerusform>%n voided</numerusform>
        </translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>Total {amount}</translation>
    </message>
</context>
<context>
    <name>ReceiptsTableModel</name>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Pembayar</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Cara bayar</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>BATAL: {reason}</source>
        <translation>VOID: {reason}</translation>
    </message>
    <message>
        <source>BATAL</source>
        <translation>VOID</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Bayar kembali</source>
        <translation>Pay back</translation>
    </message>
    <message>
        <source>nomor transaksi transfer atau QRIS</source>
        <translation>transfer or QRIS transaction number</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>&amp;Cara pengembalian</source>
        <translation>&amp;How to refund</translation>
    </message>
    <message>
        <source>&amp;Referensi</source>
        <translation>&amp;Reference</translation>
    </message>
    <message>
        <source>Ceta&amp;k bukti pengembalian dana</source>
        <translation>Print the refund proo&amp;f</translation>
    </message>
    <message>
        <source>B&amp;uka shift…</source>
        <translation>Open &amp;shift…</translation>
    </message>
    <message>
        <source>Belum ada shift kas terbuka. Buka shift (isi modal awal) sebelum membayar kembali.</source>
        <translation>No cash shift is open. Open a shift (enter the opening float) before paying back.</translation>
    </message>
    <message>
        <source>Buka shift…</source>
        <translation>Open shift…</translation>
    </message>
    <message>
        <source>{payer} ({kind})
{description}
Sejak {time} WIB</source>
        <translation>{payer} ({kind})
{description}
Since {time} WIB</translation>
    </message>
    <message>
        <source>&amp;Bayar kembali</source>
        <translation>&amp;Pay back</translation>
    </message>
    <message>
        <source>B&amp;atal</source>
        <translation>C&amp;ancel</translation>
    </message>
    <message>
        <source>Uang tunai diambil dari laci shift Anda: kas seharusnya berkurang.</source>
        <translation>The cash comes out of your shift&apos;s drawer: the expected cash goes down.</translation>
    </message>
    <message>
        <source>Isi nomor referensi transaksi setelah uang dikirim.</source>
        <translation>Enter the transaction reference once the money is sent.</translation>
    </message>
    <message>
        <source>Uang tunai diambil dari laci kas setelah Anda membuka shift: kas seharusnya berkurang.</source>
        <translation>Cash is taken from the drawer once you open a shift: the expected cash goes down.</translation>
    </message>
    <message>
        <source>Membayar kembali…</source>
        <translation>Paying back…</translation>
    </message>
    <message>
        <source>Dana sudah dikembalikan, tetapi bukti gagal dicetak: {error}</source>
        <translation>The money was paid back, but the proof could not be printed: {error}</translation>
    </message>
    <message>
        <source>&amp;Cetak ulang</source>
        <translation>Print &amp;again</translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Pengembalian dana dibayar dari shift Anda. Hitung uang di laci dan isi modal awal shift Anda.</source>
        <translation>Refunds are paid out from your shift. Count the cash in the drawer and enter your shift&apos;s opening float.</translation>
    </message>
</context>
<context>
    <name>RefundsPanel</name>
    <message>
        <source>Sejak</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Penerima</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Untuk</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Tidak ada pengembalian dana yang belum dibayar.</source>
        <translation>No refunds waiting to be paid out.</translation>
    </message>
    <message>
        <source>&amp;Bayar kembali…</source>
        <translation>&amp;Pay back…</translation>
    </message>
    <message>
        <source>Uang yang harus dikembalikan kepada pembayar (pemesanan dipindah ke slot lebih murah atau dibatalkan).</source>
        <translation>Money to give back to payers (bookings moved to a cheaper slot or cancelled).</translation>
    </message>
    <message numerus="yes">
        <source>%n pengembalian · {amount}</source>
        <translation>
            <numerusform>%n refund · {amount}</numerusform>
            <numerusform>%n refunds · {amount}</numerusform>
        </translation>
    </message>
    <message>
        <source>Pengembalian dana</source>
        <translation>Refunds owed</translation>
    </message>
    <message>
        <source>Dana {amount} dikembalikan kepada {payer}.</source>
        <translation>{amount} paid back to {payer}.</translation>
    </message>
</context>
<context>
    <name>RegistrationFields</name>
    <message>
        <source>Pendaftaran tamu</source>
        <translation>Visitor registration</translation>
    </message>
    <message>
        <source>F3: ke Nama · F2: ke pindai badge · Enter: daftarkan</source>
        <translation>F3: to Name · F2: to badge scan · Enter: register</translation>
    </message>
    <message>
        <source>Nama lengkap sesuai identitas</source>
        <translation>Full name as on the ID</translation>
    </message>
    <message>
        <source>mis. 0812 3456 7890</source>
        <translation>e.g. 0812 3456 7890</translation>
    </message>
    <message>
        <source>16 digit (opsional)</source>
        <translation>16 digits (optional)</translation>
    </message>
    <message>
        <source>Nama organisasi, instansi atau UMKM</source>
        <translation>Organisation, agency or small business</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Yang dikunjungi atau nama acara</source>
        <translation>Person visited or event name</translation>
    </message>
    <message>
        <source>Nama *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>No. HP *</source>
        <translation>Mobile no. *</translation>
    </message>
    <message>
        <source>NIK (opsional)</source>
        <translation>NIK (optional)</translation>
    </message>
    <message>
        <source>Organisasi / UMKM</source>
        <translation>Organisation / business</translation>
    </message>
    <message>
        <source>Keperluan *</source>
        <translation>Purpose *</translation>
    </message>
    <message>
        <source>Tuan rumah / acara</source>
        <translation>Host / event</translation>
    </message>
    <message>
        <source>Bersihkan</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Tamu setuju data dirinya diproses untuk keperluan keamanan dan layanan gedung sesuai UU PDP (UU No. 27 Tahun 2022); data disimpan {days} hari, lalu dihapus.</source>
        <translation>The visitor agrees that their data is processed for building security and services under the Personal Data Protection Law (Law No. 27 of 2022); it is kept for {days} days, then deleted.</translation>
    </message>
    <message>
        <source>Daftarkan &amp;&amp; cetak badge</source>
        <translation>Register &amp;&amp; print badge</translation>
    </message>
    <message>
        <source>Daftarkan &amp;&amp; cetak</source>
        <translation>Register &amp;&amp; print</translation>
    </message>
    <message>
        <source>Daftarkan</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Teks dipotong menjadi {limit} karakter (yang dimasukkan {count}).</source>
        <translation>Text cut to {limit} characters ({count} were entered).</translation>
    </message>
</context>
<context>
    <name>RegistrationForm</name>
    <message>
        <source>Pendaftaran tamu</source>
        <translation type="vanished">Visitor registration</translation>
    </message>
    <message>
        <source>F3: ke Nama · F2: ke pindai badge · Enter: daftarkan</source>
        <translation type="vanished">F3: to Name · F2: to badge scan · Enter: register</translation>
    </message>
    <message>
        <source>Nama lengkap sesuai identitas</source>
        <translation type="vanished">Full name as on the ID</translation>
    </message>
    <message>
        <source>mis. 0812 3456 7890</source>
        <translation type="vanished">e.g. 0812 3456 7890</translation>
    </message>
    <message>
        <source>16 digit (opsional)</source>
        <translation>16 digits (optional)</translation>
    </message>
    <message>
        <source>Persetujuan pemberitahuan privasi (UU PDP) tercatat sejak {date}.</source>
        <translation>Consent to the privacy notice (Personal Data Protection Law) on record since {date}.</translation>
    </message>
    <message>
        <source>Persetujuan dihapus karena nama atau No. HP diubah: tanyakan tamu ini.</source>
        <translation>Consent cleared because the name or phone changed: ask this visitor.</translation>
    </message>
    <message>
        <source>Nama organisasi, instansi atau UMKM</source>
        <translation type="vanished">Organisation, agency or small business</translation>
    </message>
    <message>
        <source>Pilih keperluan…</source>
        <translation type="vanished">Choose a purpose…</translation>
    </message>
    <message>
        <source>Yang dikunjungi atau nama acara</source>
        <translation type="vanished">Person visited or event name</translation>
    </message>
    <message>
        <source>Nama *</source>
        <translation type="vanished">Name *</translation>
    </message>
    <message>
        <source>No. HP *</source>
        <translation type="vanished">Mobile no. *</translation>
    </message>
    <message>
        <source>NIK (opsional)</source>
        <translation type="vanished">NIK (optional)</translation>
    </message>
    <message>
        <source>Organisasi / UMKM</source>
        <translation type="vanished">Organisation / business</translation>
    </message>
    <message>
        <source>Keperluan *</source>
        <translation type="vanished">Purpose *</translation>
    </message>
    <message>
        <source>Tuan rumah / acara</source>
        <translation type="vanished">Host / event</translation>
    </message>
    <message>
        <source>Bukan orang ini: daftarkan sebagai tamu baru</source>
        <translation type="vanished">Not this person: register as a new visitor</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation type="vanished">Choose…</translation>
    </message>
    <message>
        <source>Bersihkan</source>
        <translation type="vanished">Clear</translation>
    </message>
    <message>
        <source>Tamu setuju data dirinya diproses untuk keperluan keamanan dan layanan gedung sesuai UU PDP (UU No. 27 Tahun 2022); data disimpan {days} hari, lalu dihapus.</source>
        <translation type="vanished">The visitor agrees that their data is processed for building security and services under the Personal Data Protection Law (Law No. 27 of 2022); it is kept for {days} days, then deleted.</translation>
    </message>
    <message>
        <source>Daftarkan &amp;&amp; cetak badge</source>
        <translation type="vanished">Register &amp;&amp; print badge</translation>
    </message>
    <message>
        <source>Daftarkan &amp;&amp; cetak</source>
        <translation type="vanished">Register &amp;&amp; print</translation>
    </message>
    <message>
        <source>Daftarkan</source>
        <translation type="vanished">Register</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Tamu lama: {name} · {count} kunjungan sebelumnya</source>
        <translation type="vanished">Returning visitor: {name} · {count} earlier visits</translation>
    </message>
    <message>
        <source>NIK tersimpan; biarkan kosong untuk tetap memakainya</source>
        <translation>NIK on file; leave empty to keep it</translation>
    </message>
</context>
<context>
    <name>RenewDialog</name>
    <message>
        <source>Perpanjang sewa</source>
        <translation>Renew lease</translation>
    </message>
    <message>
        <source>Hari terakhir &amp;baru</source>
        <translation>New &amp;last day</translation>
    </message>
    <message>
        <source>&amp;Sewa baru</source>
        <translation>New &amp;rent</translation>
    </message>
    <message>
        <source>Kosongkan bila sewa tetap.</source>
        <translation>Leave empty to keep the rent.</translation>
    </message>
    <message>
        <source>&amp;Perpanjang</source>
        <translation>&amp;Renew</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Stan ini sudah disewa {tenant} pada sebagian tanggal itu.</source>
        <translation>This stall is already leased to {tenant} on some of those days.</translation>
    </message>
</context>
<context>
    <name>ReturningChip</name>
    <message>
        <source>Bukan orang ini: daftarkan sebagai tamu baru</source>
        <translation>Not this person: register as a new visitor</translation>
    </message>
    <message>
        <source>Tamu lama: {name} · {count} kunjungan sebelumnya</source>
        <translation>Returning visitor: {name} · {count} earlier visits</translation>
    </message>
</context>
<context>
    <name>SaleDialog</name>
    <message>
        <source>Penjualan baru</source>
        <translation>New sale</translation>
    </message>
    <message>
        <source>Enter: kolom berikutnya · Ctrl+T: tambah baris · Ctrl+Del: hapus baris · Ctrl+Enter: bayar</source>
        <translation type="vanished">Enter: next field · Ctrl+T: add line · Ctrl+Del: remove line · Ctrl+Enter: pay</translation>
    </message>
    <message>
        <source>Enter: kolom berikutnya · Ctrl+T: tambah baris · Ctrl+Del: hapus baris · F2: ubah harga · Ctrl+Enter: bayar</source>
        <translation>Enter: next field · Ctrl+T: add line · Ctrl+Del: remove line · F2: change price · Ctrl+Enter: pay</translation>
    </message>
    <message>
        <source>Nama orang, UMKM, tenan atau organisasi</source>
        <translation>Name of the person, UMKM, tenant or organisation</translation>
    </message>
    <message>
        <source>&amp;Jenis pembayar</source>
        <translation>Payer &amp;type</translation>
    </message>
    <message>
        <source>&amp;Nama pembayar *</source>
        <translation>Payer &amp;name *</translation>
    </message>
    <message>
        <source>&amp;Bayar &amp;&amp; cetak</source>
        <translation>&amp;Pay &amp;&amp; print</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Belum ada shift kas terbuka. Buka shift (isi modal awal) sebelum membayar.</source>
        <translation>No cash shift is open. Open one (enter the opening float) before taking payment.</translation>
    </message>
    <message>
        <source>Buka shift…</source>
        <translation>Open shift…</translation>
    </message>
    <message>
        <source>Nama pembayar wajib diisi.</source>
        <translation>Enter the payer&apos;s name.</translation>
    </message>
    <message>
        <source>Menyimpan pembayaran…</source>
        <translation>Saving the payment…</translation>
    </message>
    <message>
        <source>Harga satuan masih Rp0: isi harganya.</source>
        <translation>The unit price is still Rp0: enter the price.</translation>
    </message>
    <message>
        <source>Jumlah baris ini Rp0: periksa harga satuan dan diskonnya.</source>
        <translation>This line comes to Rp0: check its unit price and discount.</translation>
    </message>
    <message>
        <source>Isi jumlah uang yang diterima.</source>
        <translation>Enter the amount of cash received.</translation>
    </message>
    <message>
        <source>Shift dibuka dengan modal {amount}.</source>
        <translation>Shift opened with a float of {amount}.</translation>
    </message>
    <message>
        <source>Batalkan penjualan</source>
        <translation>Discard sale</translation>
    </message>
    <message>
        <source>Penjualan ini belum dibayar. Tutup dan buang isinya?</source>
        <translation>This sale has not been paid. Close and discard it?</translation>
    </message>
</context>
<context>
    <name>SaleRulesPage</name>
    <message>
        <source>Diskon per baris sampai persentase ini boleh diberikan resepsionis sendiri; di atasnya, dan setiap perubahan harga dari daftar harga, perlu persetujuan supervisor (masuk dengan akunnya di meja). Persetujuan dicatat di log audit dengan kedua nama dan tidak tercetak di kuitansi.</source>
        <translation>A receptionist may give a discount per line up to this percentage alone; above it, and any change to a price-list price, needs a supervisor&apos;s approval (their login at the desk). The approval is recorded in the audit log with both names and is not printed on the receipt.</translation>
    </message>
    <message>
        <source>Batas diskon tanpa persetujuan</source>
        <translation>Discount limit without approval</translation>
    </message>
    <message>
        <source>Aturan harga penjualan</source>
        <translation>Sale price rules</translation>
    </message>
</context>
<context>
    <name>SeriesFields</name>
    <message>
        <source>Tidak berulang</source>
        <translation>Does not repeat</translation>
    </message>
    <message>
        <source>Harian</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>Mingguan pada hari…</source>
        <translation>Weekly on…</translation>
    </message>
    <message>
        <source>Bulanan pada tanggal…</source>
        <translation>Monthly on day…</translation>
    </message>
    <message>
        <source>tanggal </source>
        <translation>day </translation>
    </message>
    <message>
        <source>s&amp;ampai tanggal</source>
        <translation>&amp;until the date</translation>
    </message>
    <message>
        <source>seban&amp;yak</source>
        <translation>&amp;for</translation>
    </message>
    <message>
        <source> kali</source>
        <translation> times</translation>
    </message>
    <message>
        <source>U&amp;langi</source>
        <translation>Re&amp;peat</translation>
    </message>
    <message>
        <source>Berakhir</source>
        <translation>Ends</translation>
    </message>
</context>
<context>
    <name>SeriesPlanModel</name>
    <message>
        <source>Bisa dipesan</source>
        <translation>Can be booked</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>SeriesPreviewDialog</name>
    <message>
        <source>Periksa jadwal berulang</source>
        <translation>Check the recurring booking</translation>
    </message>
    <message>
        <source>{title}: {n} jadwal.</source>
        <translation>{title}: {n} occurrences.</translation>
    </message>
    <message>
        <source>Semua bentrok (merah): kembali dan ubah waktunya.</source>
        <translation>They all clash (red): go back and change the time.</translation>
    </message>
    <message>
        <source>{m} bentrok (merah): lewati, atau kembali dan ubah waktunya.</source>
        <translation>{m} clash (red): skip, or go back and change the time.</translation>
    </message>
    <message>
        <source>Total seri: {n} × {price} = {total}.</source>
        <translation>Series total: {n} × {price} = {total}.</translation>
    </message>
    <message>
        <source>&amp;Kembali</source>
        <translation>&amp;Back</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Lewati yang bentrok, simpan %n jadwal</source>
        <translation>
            <numerusform>&amp;Skip the clashes, save %n occurrence</numerusform>
            <numerusform>&amp;Skip the clashes, save %n occurrences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Simpan %n jadwal</source>
        <translation>
            <numerusform>&amp;Save %n occurrence</numerusform>
            <numerusform>&amp;Save %n occurrences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeriesSave</name>
    <message>
        <source>Memeriksa jadwal…</source>
        <translation>Checking the occurrences…</translation>
    </message>
    <message>
        <source>Menyimpan jadwal berulang…</source>
        <translation>Saving the recurring booking…</translation>
    </message>
</context>
<context>
    <name>SeriesScope</name>
    <message>
        <source>mingguan ({days})</source>
        <translation>weekly ({days})</translation>
    </message>
    <message>
        <source>bulanan (tanggal {day})</source>
        <translation>monthly (day {day})</translation>
    </message>
    <message>
        <source>harian</source>
        <translation>daily</translation>
    </message>
    <message>
        <source>{rule} · {n} dari {count}</source>
        <translation>{rule} · {n} of {count}</translation>
    </message>
    <message>
        <source>Batalkan jadwal seri yang mana?</source>
        <translation>Cancel which bookings of the series?</translation>
    </message>
    <message>
        <source>Hanya yang &amp;ini</source>
        <translation>&amp;Only this one</translation>
    </message>
    <message>
        <source>Ini dan &amp;berikutnya ({n} jadwal)</source>
        <translation>This and the &amp;following ({n} bookings)</translation>
    </message>
    <message>
        <source>Seluruh s&amp;eri ({n} jadwal)</source>
        <translation>The whole s&amp;eries ({n} bookings)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Simpan pengaturan</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>Pengaturan tersimpan.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>ShiftHeader</name>
    <message>
        <source>Buka s&amp;hift…</source>
        <translation>&amp;Open shift…</translation>
    </message>
    <message>
        <source>Tutup &amp;kas…</source>
        <translation>&amp;Cash-up…</translation>
    </message>
    <message>
        <source>Penjualan baru (F4)</source>
        <translation>New sale (F4)</translation>
    </message>
    <message>
        <source>Jual (F4)</source>
        <translation>Sell (F4)</translation>
    </message>
    <message>
        <source>Memuat shift kas…</source>
        <translation>Loading the cash shift…</translation>
    </message>
    <message>
        <source>Buka shift dan isi modal awal laci kas sebelum menerima pembayaran.</source>
        <translation>Open a shift and enter the drawer&apos;s opening float before taking payment.</translation>
    </message>
    <message>
        <source>Belum ada shift terbuka</source>
        <translation>No shift open</translation>
    </message>
    <message>
        <source>Shift dibuka {time} · modal {float} · tunai masuk {cash}</source>
        <translation>Shift opened {time} · float {float} · cash in {cash}</translation>
    </message>
    <message>
        <source>Shift {time} · modal {float} · tunai {cash}</source>
        <translation>Shift {time} · float {float} · cash {cash}</translation>
    </message>
    <message numerus="yes">
        <source>%n kuitansi</source>
        <translation>
            <numerusform>%n receipt</numerusform>
            <numerusform>%n receipts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dibatalkan</source>
        <translation>
            <numerusform>%n voided</numerusform>
            <numerusform>%n voided</numerusform>
        </translation>
    </message>
    <message>
        <source>kas seharusnya {amount}</source>
        <translation>expected cash {amount}</translation>
    </message>
</context>
<context>
    <name>SlotBookingsModel</name>
    <message>
        <source>{title} · {booker} ({status})</source>
        <translation>{title} · {booker} ({status})</translation>
    </message>
</context>
<context>
    <name>SpacesPage</name>
    <message>
        <source>Ruang</source>
        <translation>Spaces</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nama ruang</source>
        <translation>Space name</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Lantai</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>Kapasitas</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Tarif (Rp) jam / ½ hari / hari</source>
        <translation>Rates (Rp) hour / ½ day / day</translation>
    </message>
    <message>
        <source>Orang</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>mis. rapat_melati</source>
        <translation>e.g. rapat_melati</translation>
    </message>
    <message>
        <source>Pajak pemesanan mengikuti jenis tagihan ini (Pengaturan › Tagihan &amp; pajak).</source>
        <translation>A booking is taxed as this kind of charge (Settings › Charges &amp; taxes).</translation>
    </message>
    <message>
        <source>mis. 2</source>
        <translation>e.g. 2</translation>
    </message>
    <message>
        <source> orang</source>
        <translation> people</translation>
    </message>
    <message>
        <source>Jenis tagihan</source>
        <translation>Kind of charge</translation>
    </message>
    <message>
        <source>Buka, jam WIB</source>
        <translation>Open, WIB hours</translation>
    </message>
    <message>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Setengah hari 4 jam, sehari 8 jam; harga pemesanan memakai gabungan tarif yang termurah. Tarif kosong: tidak disewakan per satuan itu; ketiganya kosong: gratis.</source>
        <translation>Half a day is 4 hours, a day 8 hours; a booking is priced with the cheapest combination of rates. An empty rate: not rented by that unit; all three empty: free.</translation>
    </message>
    <message>
        <source>Potongan harga sewa untuk UMKM terdaftar.</source>
        <translation>Discount on the rent for registered UMKM.</translation>
    </message>
    <message>
        <source>Waktu menyiapkan ruang sebelum mulai; tidak dapat dipesan orang lain.</source>
        <translation>Time to set the space up before the start; nobody else can book it.</translation>
    </message>
    <message>
        <source>Waktu membereskan ruang sesudah selesai; tidak dapat dipesan orang lain.</source>
        <translation>Time to clear the space after the end; nobody else can book it.</translation>
    </message>
    <message>
        <source>Tarif per jam</source>
        <translation>Rate per hour</translation>
    </message>
    <message>
        <source>Tarif ½ hari</source>
        <translation>Rate per ½ day</translation>
    </message>
    <message>
        <source>Tarif sehari</source>
        <translation>Rate per day</translation>
    </message>
    <message>
        <source>Diskon UMKM</source>
        <translation>UMKM discount</translation>
    </message>
    <message>
        <source>Jeda persiapan</source>
        <translation>Setup buffer</translation>
    </message>
    <message>
        <source>Jeda beres</source>
        <translation>Cleanup buffer</translation>
    </message>
    <message>
        <source> menit</source>
        <translation> min</translation>
    </message>
    <message>
        <source>mis. proyektor, TV 55 inci</source>
        <translation>e.g. projector, 55-inch TV</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Ruang aktif dapat dipesan.</source>
        <translation>An active space can be booked.</translation>
    </message>
    <message>
        <source>Ruang baru</source>
        <translation>New space</translation>
    </message>
    <message>
        <source>Simpan ruang</source>
        <translation>Save space</translation>
    </message>
    <message>
        <source>{label} (nonaktif)</source>
        <translation type="vanished">{label} (inactive)</translation>
    </message>
    <message>
        <source>• {when}: {title} ({booker}): {reason}</source>
        <translation>• {when}: {title} ({booker}): {reason}</translation>
    </message>
    <message>
        <source>… dan {n} pemesanan lain.</source>
        <translation>… and {n} more bookings.</translation>
    </message>
    <message>
        <source>Pemesanan tidak cocok lagi</source>
        <translation>Bookings no longer fit</translation>
    </message>
    <message>
        <source>Dengan perubahan ini, {n} pemesanan mendatang tidak cocok lagi dengan ruangnya:

{lines}

Pemesanan itu tetap tercatat; hubungi pemesannya untuk memindahkan atau membatalkan. Simpan juga?</source>
        <translation>With this change, {n} upcoming bookings no longer fit their space:

{lines}

The bookings stay as they are; call the bookers to move or cancel them. Save anyway?</translation>
    </message>
</context>
<context>
    <name>StallCard</name>
    <message>
        <source>&amp;Sewakan…</source>
        <translation>&amp;Lease…</translation>
    </message>
    <message>
        <source>Sewakan stan ini ke tenan</source>
        <translation>Lease this stall to a tenant</translation>
    </message>
    <message>
        <source>&amp;Bayar…</source>
        <translation>&amp;Pay…</translation>
    </message>
    <message>
        <source>Bayar tagihan sewa ini dan cetak kuitansi</source>
        <translation>Pay this lease&apos;s charge and print the receipt</translation>
    </message>
    <message>
        <source>&amp;Akhiri sewa…</source>
        <translation>&amp;End lease…</translation>
    </message>
    <message>
        <source>Akhiri sewa lebih awal</source>
        <translation>End the lease early</translation>
    </message>
    <message>
        <source>Ba&amp;talkan sewa…</source>
        <translation>Ca&amp;ncel lease…</translation>
    </message>
    <message>
        <source>Batalkan sewa ini</source>
        <translation>Cancel this lease</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Cetak &amp;perjanjian…</source>
        <translation>Print &amp;agreement…</translation>
    </message>
    <message>
        <source>Perjanjian sewa (A4) untuk dicetak atau disimpan</source>
        <translation>The lease agreement (A4) to print or save</translation>
    </message>
    <message>
        <source>Perpan&amp;jang…</source>
        <translation>Re&amp;new…</translation>
    </message>
    <message>
        <source>Perpanjang sewa ini</source>
        <translation>Renew this lease</translation>
    </message>
    <message>
        <source>air</source>
        <translation>water</translation>
    </message>
    <message>
        <source>gas</source>
        <translation>gas</translation>
    </message>
    <message>
        <source>listrik</source>
        <translation>power</translation>
    </message>
    <message>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Luas</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>{size} m²</source>
        <translation>{size} m²</translation>
    </message>
    <message>
        <source>Fasilitas</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <source>Tarif</source>
        <translation>Rates</translation>
    </message>
    <message>
        <source>{day}/hari · {week}/minggu · {month}/bulan</source>
        <translation>{day}/day · {week}/week · {month}/month</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Tenan</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>{day} · Selesai masa sewa</source>
        <translation>{day} · term over</translation>
    </message>
    <message>
        <source>Sewa sampai</source>
        <translation>Leased until</translation>
    </message>
    <message>
        <source>Tagihan terbuka</source>
        <translation>Owed</translation>
    </message>
    <message>
        <source>Sewa berikutnya</source>
        <translation>Next rent</translation>
    </message>
    <message>
        <source>{day} · {amount}</source>
        <translation>{day} · {amount}</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Stan {code}</source>
        <translation>Stall {code}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stan {code}&lt;/b&gt; · lantai {floor}</source>
        <translation>&lt;b&gt;Stall {code}&lt;/b&gt; · floor {floor}</translation>
    </message>
    <message>
        <source>Sewa {tenant} diperpanjang sampai {day}.</source>
        <translation>{tenant}&apos;s lease renewed until {day}.</translation>
    </message>
    <message>
        <source>Sewa {tenant} diakhiri; hari terakhir {day}.</source>
        <translation>{tenant}&apos;s lease ended; last day {day}.</translation>
    </message>
    <message>
        <source>Sewa {tenant} dibatalkan.</source>
        <translation>{tenant}&apos;s lease cancelled.</translation>
    </message>
</context>
<context>
    <name>StallTableTab</name>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Lantai</source>
        <translation type="vanished">Floor</translation>
    </message>
    <message>
        <source>Luas (m²)</source>
        <translation>Size (m²)</translation>
    </message>
    <message>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Tenan</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Sewa sampai</source>
        <translation>Leased until</translation>
    </message>
    <message>
        <source>Tagihan terbuka</source>
        <translation>Owed</translation>
    </message>
    <message>
        <source>Cari kode, tenan, keadaan…</source>
        <translation>Search code, tenant, state…</translation>
    </message>
    <message>
        <source>Cari…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <source>Semua keadaan</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>{day} (selesai)</source>
        <translation>{day} (over)</translation>
    </message>
    <message numerus="yes">
        <source>%n stan</source>
        <translation>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StallsPage</name>
    <message>
        <source>Stan pujasera</source>
        <translation>Food-court stalls</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Lantai</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>Luas (m²)</source>
        <translation>Size (m²)</translation>
    </message>
    <message>
        <source>Tarif (Rp) hari / minggu / bulan</source>
        <translation>Rates (Rp) day / week / month</translation>
    </message>
    <message>
        <source>Deposit (Rp)</source>
        <translation>Deposit (Rp)</translation>
    </message>
    <message>
        <source>Beroperasi</source>
        <translation>In service</translation>
    </message>
    <message>
        <source>Stan</source>
        <translation>Stall</translation>
    </message>
    <message>
        <source>mis. FC2-07 (lantai 2, stan 7)</source>
        <translation>e.g. FC2-07 (floor 2, stall 7)</translation>
    </message>
    <message>
        <source>mis. 6,25</source>
        <translation>e.g. 6.25</translation>
    </message>
    <message>
        <source>Posisi X di denah</source>
        <translation>X position on the plan</translation>
    </message>
    <message>
        <source>Posisi Y di denah</source>
        <translation>Y position on the plan</translation>
    </message>
    <message>
        <source>Lebar di denah</source>
        <translation>Width on the plan</translation>
    </message>
    <message>
        <source>Tinggi di denah</source>
        <translation>Height on the plan</translation>
    </message>
    <message>
        <source>l</source>
        <translation>w</translation>
    </message>
    <message>
        <source>t</source>
        <translation>h</translation>
    </message>
    <message>
        <source>Posisi dan ukuran di denah lantai, dalam kotak grid (juga dapat digeser di denah).</source>
        <translation>Position and size on the floor plan, in grid squares (can also be dragged on the plan).</translation>
    </message>
    <message>
        <source>Air</source>
        <translation>Water</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>Gas</translation>
    </message>
    <message>
        <source>Listrik</source>
        <translation>Power</translation>
    </message>
    <message>
        <source>nomor meter PLN</source>
        <translation>PLN meter number</translation>
    </message>
    <message>
        <source>Denah</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Fasilitas</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <source>Meter listrik</source>
        <translation>Power meter</translation>
    </message>
    <message>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <source>tanpa deposit</source>
        <translation>no deposit</translation>
    </message>
    <message>
        <source>Perubahan tarif berlaku untuk sewa yang dibuat sesudahnya.</source>
        <translation>A change of rates applies to leases made afterwards.</translation>
    </message>
    <message>
        <source>Pajak sewa mengikuti jenis tagihan ini (Pengaturan › Tagihan &amp; pajak).</source>
        <translation>The rent is taxed as this kind of charge (Settings › Charges &amp; taxes).</translation>
    </message>
    <message>
        <source>Tarif harian</source>
        <translation>Daily rate</translation>
    </message>
    <message>
        <source>Tarif mingguan</source>
        <translation>Weekly rate</translation>
    </message>
    <message>
        <source>Tarif bulanan</source>
        <translation>Monthly rate</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Jenis tagihan</source>
        <translation>Kind of charge</translation>
    </message>
    <message>
        <source>mis. dekat tangga, sudut</source>
        <translation>e.g. near the stairs, corner</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Stan yang tidak beroperasi tidak dapat disewa.</source>
        <translation>A stall out of service cannot be let.</translation>
    </message>
    <message>
        <source>Stan baru</source>
        <translation>New stall</translation>
    </message>
    <message>
        <source>Simpan stan</source>
        <translation>Save stall</translation>
    </message>
    <message>
        <source>{label} (nonaktif)</source>
        <translation type="vanished">{label} (inactive)</translation>
    </message>
</context>
<context>
    <name>SuggestionsModel</name>
    <message>
        <source>NIK {nik}</source>
        <translation>NIK {nik}</translation>
    </message>
    <message>
        <source>terakhir {date} ({count}×)</source>
        <translation>last {date} ({count}×)</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sinkronisasi</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sinkronkan sekarang</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Hubungkan ke server</source>
        <translation>Connect to a server</translation>
    </message>
    <message>
        <source>Daftarkan desk</source>
        <translation>Enrol desk</translation>
    </message>
    <message>
        <source>Alamat server</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Kode desk</source>
        <translation>Desk code</translation>
    </message>
    <message>
        <source>Desk ini bekerja mandiri: datanya hanya ada di komputer ini.</source>
        <translation>This desk works on its own: its data is only on this computer.</translation>
    </message>
    <message>
        <source>Desk {desk} di {server}</source>
        <translation>Desk {desk} at {server}</translation>
    </message>
    <message>
        <source>URL PostgreSQL SQLAlchemy. Desk pertama mengunggah datanya; desk berikutnya (tanpa data tamu) mengunduh data server.</source>
        <translation>SQLAlchemy PostgreSQL URL. The first desk uploads its data; later desks (without visitor data) download the server&apos;s data.</translation>
    </message>
    <message>
        <source>Server sinkronisasi</source>
        <translation>Sync server</translation>
    </message>
    <message>
        <source>Percobaan terakhir: {time} · menunggu dikirim: {n}</source>
        <translation>Last attempt: {time} · waiting to be sent: {n}</translation>
    </message>
    <message>
        <source>Konflik terbuka: {n} · perlu ditinjau: {m}</source>
        <translation>Open conflicts: {n} · to review: {m}</translation>
    </message>
    <message>
        <source>Sinkronisasi ditolak:</source>
        <translation>Sync refused:</translation>
    </message>
    <message>
        <source>Sinkronisasi gagal:</source>
        <translation>Sync failed:</translation>
    </message>
    <message>
        <source>Mendaftarkan desk ke server…</source>
        <translation>Enrolling the desk with the server…</translation>
    </message>
    <message>
        <source>Desk {desk} terdaftar di {server}: {rows} baris diunduh dari server. Data dan pengguna desk ini sekarang sama dengan server; bila akun Anda tidak ada di server, keluar akun lalu masuk lagi dengan akun dari server.</source>
        <translation>Desk {desk} enrolled at {server}: {rows} rows downloaded from the server. This desk&apos;s data and users are now the server&apos;s; if your account is not on the server, log out and log in again with an account from the server.</translation>
    </message>
    <message>
        <source>Desk {desk} terdaftar di {server} sebagai desk pertama: {rows} baris diunggah ke server.</source>
        <translation>Desk {desk} enrolled at {server} as the first desk: {rows} rows uploaded to the server.</translation>
    </message>
    <message>
        <source>Desk {desk} sudah terdaftar di {server}; sinkronisasi dilanjutkan.</source>
        <translation>Desk {desk} was already enrolled at {server}; sync resumes.</translation>
    </message>
    <message>
        <source>Pendaftaran ditolak: {reason}</source>
        <translation>Enrolment refused: {reason}</translation>
    </message>
    <message>
        <source>Menyinkronkan…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Selesai: {sent} terkirim, {received} diterima, {conflicts} konflik.</source>
        <translation>Done: {sent} sent, {received} received, {conflicts} conflicts.</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message numerus="yes">
        <source>%n menunggu</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Sinkron terakhir {time}</source>
        <translation>Last sync {time}</translation>
    </message>
    <message>
        <source>Sinkron {time}</source>
        <translation>Synced {time}</translation>
    </message>
    <message>
        <source>Belum pernah sinkron</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>Belum sinkron</source>
        <translation>Not synced</translation>
    </message>
    <message>
        <source>Mandiri (tanpa server)</source>
        <translation>Standalone (no server)</translation>
    </message>
    <message>
        <source>Desk ini bekerja sendiri dengan datanya sendiri. Admin dapat menghubungkannya ke server sinkronisasi di Pengaturan › Sinkronisasi.</source>
        <translation>This desk works on its own with its own data. An administrator can connect it to a sync server in Settings › Sync.</translation>
    </message>
    <message numerus="yes">
        <source>%n konflik</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n perlu keputusan supervisor</source>
        <translation>
            <numerusform>%n needs a supervisor&apos;s decision</numerusform>
            <numerusform>%n need a supervisor&apos;s decision</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n diselesaikan otomatis, perlu ditinjau</source>
        <translation>
            <numerusform>%n settled automatically, to review</numerusform>
            <numerusform>%n settled automatically, to review</numerusform>
        </translation>
    </message>
    <message>
        <source>Klik untuk membuka kotak konflik.</source>
        <translation>Click to open the conflicts inbox.</translation>
    </message>
    <message>
        <source>Minta supervisor atau admin untuk menyelesaikannya.</source>
        <translation>Ask a supervisor or an administrator to resolve them.</translation>
    </message>
    <message>
        <source>Belum tersambung</source>
        <translation>Not connected yet</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Sinkron ditolak</source>
        <translation>Sync refused</translation>
    </message>
    <message>
        <source>Sinkron gagal</source>
        <translation>Sync failed</translation>
    </message>
    <message>
        <source>Desk {desk} · server {server}</source>
        <translation>Desk {desk} · server {server}</translation>
    </message>
    <message>
        <source>Percobaan terakhir: {time}</source>
        <translation>Last attempt: {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n perubahan menunggu dikirim ke server</source>
        <translation>
            <numerusform>%n change waiting to be sent to the server</numerusform>
            <numerusform>%n changes waiting to be sent to the server</numerusform>
        </translation>
    </message>
    <message>
        <source>Desk tetap bisa dipakai; perubahan dikirim saat server terjangkau lagi.</source>
        <translation>The desk keeps working; changes are sent when the server can be reached again.</translation>
    </message>
</context>
<context>
    <name>TaxLine</name>
    <message>
        <source>ppn</source>
        <translation type="vanished">ppn</translation>
    </message>
    <message>
        <source>PPN</source>
        <translation type="vanished">PPN</translation>
    </message>
    <message>
        <source>11%</source>
        <translation type="vanished">11%</translation>
    </message>
    <message>
        <source>kode, mis. ppn</source>
        <translation>code, e.g. vat</translation>
    </message>
    <message>
        <source>nama, mis. PPN</source>
        <translation>name, e.g. VAT</translation>
    </message>
    <message>
        <source>tarif %, mis. 11</source>
        <translation>rate %, e.g. 11</translation>
    </message>
    <message>
        <source>Hapus pajak ini</source>
        <translation>Remove this tax</translation>
    </message>
</context>
<context>
    <name>TenantCombo</name>
    <message>
        <source>ketik nama usaha atau pemilik</source>
        <translation>type the business or owner name</translation>
    </message>
</context>
<context>
    <name>TenantDialog</name>
    <message>
        <source>Tenan baru</source>
        <translation>New tenant</translation>
    </message>
    <message>
        <source>Ubah tenan</source>
        <translation>Edit tenant</translation>
    </message>
    <message>
        <source>Nama &amp;usaha</source>
        <translation>&amp;Business name</translation>
    </message>
    <message>
        <source>mis. Soto Betawi Bang Ali</source>
        <translation>e.g. Soto Betawi Bang Ali</translation>
    </message>
    <message>
        <source>&amp;Pemilik</source>
        <translation>&amp;Owner</translation>
    </message>
    <message>
        <source>nama pemilik usaha</source>
        <translation>the business owner&apos;s name</translation>
    </message>
    <message>
        <source>&amp;Telepon</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>08… atau +62…</source>
        <translation>08… or +62…</translation>
    </message>
    <message>
        <source>NI&amp;K pemilik</source>
        <translation>Owner&apos;s NI&amp;K</translation>
    </message>
    <message>
        <source>16 digit (opsional)</source>
        <translation>16 digits (optional)</translation>
    </message>
    <message>
        <source>Tidak ditampilkan lagi; disimpan tersamar seperti NIK tamu.</source>
        <translation>Not shown again; stored masked, like a visitor&apos;s NIK.</translation>
    </message>
    <message>
        <source>NI&amp;B</source>
        <translation>NI&amp;B</translation>
    </message>
    <message>
        <source>13 digit (opsional)</source>
        <translation>13 digits (optional)</translation>
    </message>
    <message>
        <source>NP&amp;WP</source>
        <translation>NP&amp;WP</translation>
    </message>
    <message>
        <source>Format lama 15 digit diterima (diawali 0).</source>
        <translation>The old 15-digit form is accepted (prefixed with 0).</translation>
    </message>
    <message>
        <source>P&amp;roduk</source>
        <translation>P&amp;roducts</translation>
    </message>
    <message>
        <source>mis. soto, nasi uduk</source>
        <translation>e.g. soto, nasi uduk</translation>
    </message>
    <message>
        <source>No. sertifikat &amp;halal</source>
        <translation>&amp;Halal certificate no.</translation>
    </message>
    <message>
        <source>opsional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>&amp;Catatan</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>NIK tersimpan; biarkan kosong untuk tetap memakainya</source>
        <translation>NIK on file; leave empty to keep it</translation>
    </message>
    <message>
        <source>Menyimpan tenan…</source>
        <translation>Saving the tenant…</translation>
    </message>
</context>
<context>
    <name>TenantDocumentsView</name>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Ditambahkan</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Judul (nama berkas bila kosong)</source>
        <translation>Title (the file&apos;s name if empty)</translation>
    </message>
    <message>
        <source>Lampirkan…</source>
        <translation>Attach…</translation>
    </message>
    <message>
        <source>PDF, JPG atau PNG, paling besar 10 MB</source>
        <translation>PDF, JPG or PNG, at most 10 MB</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Belum ada dokumen.</source>
        <translation>No documents yet.</translation>
    </message>
    <message>
        <source>Lampirkan dokumen</source>
        <translation>Attach a document</translation>
    </message>
    <message>
        <source>Dokumen (*.pdf *.jpg *.jpeg *.png);;Semua berkas (*)</source>
        <translation>Documents (*.pdf *.jpg *.jpeg *.png);;All files (*)</translation>
    </message>
    <message>
        <source>Melampirkan dokumen…</source>
        <translation>Attaching the document…</translation>
    </message>
    <message>
        <source>Tidak ada aplikasi untuk membuka {name}; berkasnya ada di {path}.</source>
        <translation>No application opens {name}; the file is at {path}.</translation>
    </message>
    <message>
        <source>Hapus dokumen</source>
        <translation>Remove document</translation>
    </message>
    <message>
        <source>Hapus dokumen &quot;{title}&quot; di semua desk? Berkasnya ikut dihapus.</source>
        <translation>Remove the document &quot;{title}&quot; at every desk? Its file is deleted too.</translation>
    </message>
    <message>
        <source>Menghapus dokumen…</source>
        <translation>Removing the document…</translation>
    </message>
</context>
<context>
    <name>TenantLetters</name>
    <message>
        <source>Rekening koran {tenant}</source>
        <translation>Statement of {tenant}</translation>
    </message>
    <message>
        <source>Menyiapkan rekening koran…</source>
        <translation>Preparing the statement…</translation>
    </message>
    <message>
        <source>Surat pengingat {tenant}</source>
        <translation>Reminder letter to {tenant}</translation>
    </message>
    <message>
        <source>Menyiapkan surat pengingat…</source>
        <translation>Preparing the reminder letter…</translation>
    </message>
</context>
<context>
    <name>TenantPayment</name>
    <message>
        <source>Tidak ada tagihan terbuka.</source>
        <translation>Nothing is owed.</translation>
    </message>
    <message>
        <source>Dibayar: kuitansi {number}. Mencetak kuitansi…</source>
        <translation type="vanished">Paid: receipt {number}. Printing the receipt…</translation>
    </message>
    <message>
        <source>Pembayaran tersimpan (kuitansi {number}), tetapi kuitansi gagal dicetak: {error}</source>
        <translation type="vanished">The payment is saved (receipt {number}), but the receipt could not be printed: {error}</translation>
    </message>
    <message>
        <source>Dibayar: kuitansi {number}.</source>
        <translation type="vanished">Paid: receipt {number}.</translation>
    </message>
    <message>
        <source>Kuitansi dicetak ke {printer}.</source>
        <translation type="vanished">Receipt printed on {printer}.</translation>
    </message>
</context>
<context>
    <name>TenantsTab</name>
    <message>
        <source>Usaha</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>Pemilik</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation type="vanished">NIK</translation>
    </message>
    <message>
        <source>NIB</source>
        <translation>NIB</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>Tagihan terbuka</source>
        <translation>Owed</translation>
    </message>
    <message>
        <source>Cari usaha, pemilik, telepon, produk…</source>
        <translation>Search business, owner, phone, products…</translation>
    </message>
    <message>
        <source>Cari…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <source>Tenan &amp;baru…</source>
        <translation>&amp;New tenant…</translation>
    </message>
    <message>
        <source>&amp;Ubah…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Ba&amp;yar…</source>
        <translation>Pa&amp;y…</translation>
    </message>
    <message>
        <source>Bayar tagihan tertua tenan ini dan cetak kuitansi</source>
        <translation type="vanished">Pay this tenant&apos;s oldest charge and print the receipt</translation>
    </message>
    <message>
        <source>Bayar tagihan tenan ini (semua atau sebagian) dengan satu kuitansi</source>
        <translation>Pay this tenant&apos;s charges (all or some) with one receipt</translation>
    </message>
    <message>
        <source>R&amp;ekening koran…</source>
        <translation>Stat&amp;ement…</translation>
    </message>
    <message>
        <source>Tagihan, pembayaran dan saldo berjalan tenan ini (PDF)</source>
        <translation>This tenant&apos;s charges, payments and running balance (PDF)</translation>
    </message>
    <message>
        <source>Surat pen&amp;gingat…</source>
        <translation>&amp;Reminder letter…</translation>
    </message>
    <message>
        <source>Surat pengingat tagihan yang lewat jatuh tempo (PDF)</source>
        <translation>Reminder letter for the charges past due (PDF)</translation>
    </message>
    <message>
        <source>Dokumen tenan</source>
        <translation>Tenant&apos;s documents</translation>
    </message>
    <message>
        <source>Dokumen {tenant}</source>
        <translation>Documents of {tenant}</translation>
    </message>
    <message>
        <source>Tenan {name} disimpan.</source>
        <translation>Tenant {name} saved.</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <source>Di atas Rp5.000.000: tempel meterai Rp10.000.</source>
        <translation>Over Rp5.000.000: affix a Rp10.000 duty stamp (meterai).</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Diskon</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Potongan</source>
        <translation type="vanished">Discount</translation>
    </message>
    <message>
        <source>Pajak</source>
        <translation>Tax</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
</context>
<context>
    <name>TurnoverGridModel</name>
    <message>
        <source>Total per hari</source>
        <translation>Total per day</translation>
    </message>
    <message>
        <source>Tenan</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Sen</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Sel</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Rab</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Kam</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Jum</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Sab</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Sun</translation>
    </message>
</context>
<context>
    <name>TurnoverView</name>
    <message>
        <source>7 hari sebelumnya</source>
        <translation>The 7 days before</translation>
    </message>
    <message>
        <source>7 hari berikutnya</source>
        <translation>The 7 days after</translation>
    </message>
    <message>
        <source>7 hari terakhir</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Semua lantai</source>
        <translation>All floors</translation>
    </message>
    <message>
        <source>Lantai {n}</source>
        <translation>Floor {n}</translation>
    </message>
    <message>
        <source>Lantai:</source>
        <translation>Floor:</translation>
    </message>
    <message>
        <source>Laporan PDF…</source>
        <translation>PDF report…</translation>
    </message>
    <message>
        <source>Simpan XLSX…</source>
        <translation>Save XLSX…</translation>
    </message>
    <message>
        <source>Tagih sewa omzet</source>
        <translation>Charge turnover rent</translation>
    </message>
    <message>
        <source>Setelah bulan selesai: tagih selisih di atas sewa dasar (sekali per bulan).</source>
        <translation>Once the month is over: charge the excess over the base rent (once a month).</translation>
    </message>
    <message>
        <source>Batalkan perubahan</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Simpan omzet</source>
        <translation>Save turnover</translation>
    </message>
    <message>
        <source>Laporan bulan:</source>
        <translation>Report month:</translation>
    </message>
    <message>
        <source>Tidak ada tenan yang menyewa stan pada hari-hari ini.</source>
        <translation>No tenant rents a stall on these days.</translation>
    </message>
    <message>
        <source>Simpan omzet ({n})</source>
        <translation>Save turnover ({n})</translation>
    </message>
    <message>
        <source>Menyimpan omzet…</source>
        <translation>Saving turnover…</translation>
    </message>
    <message>
        <source>Tersimpan: {w} diisi, {c} dikosongkan.</source>
        <translation>Saved: {w} entered, {c} cleared.</translation>
    </message>
    <message>
        <source>Tidak ada yang disimpan: {n} sel perlu diperbaiki (merah; alasannya di sel).</source>
        <translation>Nothing was saved: {n} cells need correcting (red; the reason is on the cell).</translation>
    </message>
    <message>
        <source>Laporan omzet tenan {month}</source>
        <translation>Tenant turnover report {month}</translation>
    </message>
    <message>
        <source>Menyiapkan laporan…</source>
        <translation>Preparing the report…</translation>
    </message>
    <message>
        <source>Simpan laporan omzet</source>
        <translation>Save the turnover report</translation>
    </message>
    <message>
        <source>Lembar kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Menyimpan laporan…</source>
        <translation>Saving the report…</translation>
    </message>
    <message>
        <source>Menagih sewa omzet…</source>
        <translation>Charging turnover rent…</translation>
    </message>
    <message>
        <source>Sewa omzet {month}: {n} tagihan baru, total ditagih {total}.</source>
        <translation>Turnover rent {month}: {n} new charges, {total} charged in all.</translation>
    </message>
    <message>
        <source>{n} sewa menunggu tagihan sewa dasarnya.</source>
        <translation>{n} leases wait for their base rent to be charged.</translation>
    </message>
    <message>
        <source>Laporan disimpan ke {path}</source>
        <translation>Report saved to {path}</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation type="vanished">Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation type="vanished">No</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Terakhir masuk</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <source>Terkunci s.d. {time}</source>
        <translation>Locked until {time}</translation>
    </message>
    <message>
        <source>Aktif, sandi sementara</source>
        <translation>Active, temporary password</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pengguna baru</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>huruf kecil, mis. sari</source>
        <translation>lower case, e.g. sari</translation>
    </message>
    <message>
        <source>minimal 8 karakter</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Jadikan sandi sementara</source>
        <translation>Set as temporary password</translation>
    </message>
    <message>
        <source>Buka kunci</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Nonaktifkan</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Simpan perubahan</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Pengguna: {username} · {state}</source>
        <translation>User: {username} · {state}</translation>
    </message>
    <message>
        <source>Nama pengguna tidak dapat diubah: riwayat audit mencatat pengguna dengan nama ini.</source>
        <translation>The user name cannot change: the audit history records the user by this name.</translation>
    </message>
    <message>
        <source>sandi sementara, diganti saat masuk</source>
        <translation>temporary password, replaced at login</translation>
    </message>
    <message>
        <source>Aktifkan kembali</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>{state} (5 kali salah kata sandi di meja ini)</source>
        <translation>{state} (5 wrong passwords at this desk)</translation>
    </message>
    <message>
        <source>{state} · terakhir masuk {when}</source>
        <translation>{state} · last login {when}</translation>
    </message>
    <message>
        <source>Perubahan {username} disimpan.</source>
        <translation>Changes to {username} saved.</translation>
    </message>
    <message>
        <source>Kata sandi sementara {username} disimpan: berikan kepadanya; ia memilih kata sandinya sendiri saat masuk berikutnya.</source>
        <translation>Temporary password for {username} saved: hand it over; they choose their own at the next login.</translation>
    </message>
    <message>
        <source>Untuk pengguna yang sudah ada, di sini hanya kata sandinya yang dapat diganti.</source>
        <translation type="vanished">For an existing user, only the password can be changed here.</translation>
    </message>
    <message>
        <source>Tambah pengguna</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>Ganti kata sandi</source>
        <translation type="vanished">Change password</translation>
    </message>
    <message>
        <source>Pengguna: {username}</source>
        <translation type="vanished">User: {username}</translation>
    </message>
    <message>
        <source>kata sandi baru</source>
        <translation type="vanished">new password</translation>
    </message>
    <message>
        <source>Terakhir masuk: {when}</source>
        <translation type="vanished">Last login: {when}</translation>
    </message>
    <message>
        <source>Pengguna {username} ditambahkan.</source>
        <translation>User {username} added.</translation>
    </message>
    <message>
        <source>{username} diaktifkan kembali.</source>
        <translation>{username} reactivated.</translation>
    </message>
    <message>
        <source>{username} dinonaktifkan.</source>
        <translation>{username} deactivated.</translation>
    </message>
    <message>
        <source>Nonaktifkan pengguna?</source>
        <translation>Deactivate the user?</translation>
    </message>
    <message>
        <source>{name} ({username}) tidak dapat masuk lagi sampai diaktifkan kembali. Riwayatnya tetap tersimpan.</source>
        <translation>{name} ({username}) cannot log in until reactivated. Their history is kept.</translation>
    </message>
    <message>
        <source>Kunci {username} dibuka.</source>
        <translation>{username} unlocked.</translation>
    </message>
    <message>
        <source>Kata sandi {username} diganti.</source>
        <translation>Password of {username} changed.</translation>
    </message>
</context>
<context>
    <name>UtilityTariffsPage</name>
    <message>
        <source>tanggal </source>
        <translation>day </translation>
    </message>
    <message>
        <source>Listrik per kWh</source>
        <translation type="vanished">Power per kWh</translation>
    </message>
    <message>
        <source>Tarif blok: batas kWh dan tarif, lalu tarif di atasnya. Contoh 100:1444, 1699 (100 kWh pertama Rp1.444, selebihnya Rp1.699).</source>
        <translation type="vanished">Block tariff: a kWh limit and its rate, then the rate above it. For example 100:1444, 1699 (the first 100 kWh at Rp1.444, the rest at Rp1.699).</translation>
    </message>
    <message>
        <source>Air per m³</source>
        <translation type="vanished">Water per m³</translation>
    </message>
    <message>
        <source>Sama seperti listrik; satu tarif saja, misalnya 9000, untuk tarif rata.</source>
        <translation type="vanished">As for power; a single rate, e.g. 9000, for a flat tariff.</translation>
    </message>
    <message>
        <source>Listrik</source>
        <translation>Power</translation>
    </message>
    <message>
        <source>Air</source>
        <translation>Water</translation>
    </message>
    <message>
        <source>Biaya layanan per m²</source>
        <translation>Service charge per m²</translation>
    </message>
    <message>
        <source>Per m² luas stan per bulan; sebulan tidak penuh dihitung per hari.</source>
        <translation>Per m² of the stall per month; a part of a month is counted by the day.</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due day</translation>
    </message>
    <message>
        <source>Tagihan listrik, air dan biaya layanan jatuh tempo pada tanggal ini bulan berikutnya.</source>
        <translation>Power, water and service charge bills fall due on this day of the next month.</translation>
    </message>
    <message>
        <source>Listrik &amp; air</source>
        <translation>Power &amp; water</translation>
    </message>
</context>
<context>
    <name>VisitDetailsDialog</name>
    <message>
        <source>Kunjungan {badge}</source>
        <translation>Visit {badge}</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisasi</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Keperluan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Tuan rumah / acara</source>
        <translation>Host / event</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>Berlaku sampai</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Checked out</translation>
    </message>
    <message>
        <source>Masih di dalam gedung</source>
        <translation>Still in the building</translation>
    </message>
    <message>
        <source>{time} WIB</source>
        <translation>{time} WIB</translation>
    </message>
</context>
<context>
    <name>VisitLists</name>
    <message>
        <source>Belum ada kunjungan hari ini.</source>
        <translation>No visits today yet.</translation>
    </message>
    <message>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Tidak ada tamu di gedung.</source>
        <translation>No visitors in the building.</translation>
    </message>
    <message>
        <source>Check-out</source>
        <translation>Check out</translation>
    </message>
    <message>
        <source>Check-out tamu terpilih (Ctrl+O)</source>
        <translation>Check out the chosen visitor (Ctrl+O)</translation>
    </message>
    <message>
        <source>Cetak ulang badge</source>
        <translation>Reprint badge</translation>
    </message>
    <message>
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Cetak ulang badge tamu terpilih (Ctrl+P)</source>
        <translation>Reprint the chosen visitor&apos;s badge (Ctrl+P)</translation>
    </message>
    <message>
        <source>Saring: nama, telepon, badge</source>
        <translation>Filter: name, phone, badge</translation>
    </message>
    <message>
        <source>Awal kata nama, 4 angka telepon atau lebih, atau nomor badge (017)</source>
        <translation type="vanished">The start of a word of the name, 4 or more digits of the phone, or the badge number (017)</translation>
    </message>
    <message>
        <source>Cetak daftar evakuasi (muster)</source>
        <translation>Print evacuation list (muster)</translation>
    </message>
    <message>
        <source>Daftar evakuasi</source>
        <translation>Evacuation list</translation>
    </message>
    <message>
        <source>Pratinjau…</source>
        <translation>Preview…</translation>
    </message>
    <message>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Cari awal kata nama, organisasi, tuan rumah; 4+ angka telepon; nomor badge</source>
        <translation>Search the start of a word of a name, organisation or host; 4+ digits of a phone; a badge number</translation>
    </message>
    <message>
        <source>Di gedung: {n} cocok</source>
        <translation>In the building: {n} matching</translation>
    </message>
    <message>
        <source>Cari nama, organisasi, tuan rumah, atau nomor badge persis</source>
        <translation type="vanished">Search name, organisation, host, or an exact badge number</translation>
    </message>
    <message>
        <source>Awal kata nama, 4 angka telepon atau lebih, atau nomor badge (017). Ctrl+F</source>
        <translation>The start of a word of the name, 4 or more digits of the phone, or the badge number (017). Ctrl+F</translation>
    </message>
    <message>
        <source>Di gedung sekarang ({n})</source>
        <translation>In the building now ({n})</translation>
    </message>
    <message>
        <source>Log hari ini ({n})</source>
        <translation>Today&apos;s log ({n})</translation>
    </message>
    <message>
        <source>Mencari…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>lebih dari {n} kunjungan</source>
        <translation>more than {n} visits</translation>
    </message>
    <message>
        <source>{n} kunjungan</source>
        <translation>{n} visits</translation>
    </message>
    <message>
        <source>Tidak ada kunjungan yang cocok dengan “{text}”.</source>
        <translation>No visits match “{text}”.</translation>
    </message>
    <message>
        <source>Belum ada kunjungan.</source>
        <translation>No visits yet.</translation>
    </message>
    <message>
        <source>Tidak ada tamu di gedung yang cocok dengan “{text}”.</source>
        <translation>Nobody in the building matches “{text}”.</translation>
    </message>
    <message>
        <source>Catat {name} ({badge}) keluar sekarang?</source>
        <translation>Check {name} ({badge}) out now?</translation>
    </message>
    <message>
        <source>{name} keluar</source>
        <translation>{name} checked out</translation>
    </message>
    <message>
        <source>Mencetak ulang badge {badge}…</source>
        <translation>Reprinting badge {badge}…</translation>
    </message>
    <message>
        <source>Badge {badge} dicetak ulang (SALINAN).</source>
        <translation>Badge {badge} reprinted (COPY).</translation>
    </message>
    <message>
        <source>Menyiapkan daftar evakuasi…</source>
        <translation>Preparing the evacuation list…</translation>
    </message>
    <message>
        <source>Daftar evakuasi dicetak ke {printer}.</source>
        <translation>Evacuation list printed on {printer}.</translation>
    </message>
    <message>
        <source>Daftar evakuasi dicetak.</source>
        <translation type="vanished">Evacuation list printed.</translation>
    </message>
    <message>
        <source>Rincian…</source>
        <translation>Details…</translation>
    </message>
</context>
<context>
    <name>VisitTable</name>
    <message>
        <source>Seret batas judul kolom untuk mengubah lebarnya; klik kanan untuk memilih kolom.</source>
        <translation>Drag the edge of a column title to change its width; right-click to choose the columns.</translation>
    </message>
    <message>
        <source>Lebar kolom semula</source>
        <translation>Default column widths</translation>
    </message>
</context>
<context>
    <name>VisitorDocuments</name>
    <message>
        <source>Kartu tamu {badge}</source>
        <translation>Visitor badge {badge}</translation>
    </message>
    <message>
        <source>Kartu tamu rombongan ({count})</source>
        <translation>Group visitor badges ({count})</translation>
    </message>
    <message>
        <source>Menyiapkan badge rombongan…</source>
        <translation>Preparing the group&apos;s badges…</translation>
    </message>
    <message>
        <source>Daftar evakuasi</source>
        <translation>Evacuation list</translation>
    </message>
    <message>
        <source>Menyiapkan daftar evakuasi…</source>
        <translation>Preparing the evacuation list…</translation>
    </message>
</context>
<context>
    <name>VisitsTableModel</name>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisasi</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Keperluan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Tuan rumah</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Out</translation>
    </message>
    <message>
        <source>Rombongan {n}</source>
        <translation>Group of {n}</translation>
    </message>
    <message>
        <source>Rbg {n}</source>
        <translation>Grp {n}</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Batalkan kuitansi {number}</source>
        <translation>Void receipt {number}</translation>
    </message>
    <message>
        <source>Kuitansi tetap tersimpan dengan tanda BATAL dan tidak lagi dihitung dalam kas shift. Kembalikan uangnya kepada pembayar.</source>
        <translation type="vanished">The receipt stays on record marked VOID (BATAL) and no longer counts in the shift&apos;s cash. Give the money back to the payer.</translation>
    </message>
    <message>
        <source>mis. salah memasukkan jumlah</source>
        <translation>e.g. wrong amount entered</translation>
    </message>
    <message>
        <source>&amp;Alasan pembatalan *</source>
        <translation>&amp;Reason for voiding *</translation>
    </message>
    <message>
        <source>Ceta&amp;k kuitansi BATAL</source>
        <translation>&amp;Print the VOID receipt</translation>
    </message>
    <message>
        <source>Dicetak lagi dengan tanda BATAL (SALINAN) untuk pembayar atau arsip.</source>
        <translation>Printed again marked VOID (COPY) for the payer or the files.</translation>
    </message>
    <message>
        <source>B&amp;uka shift…</source>
        <translation>Open &amp;shift…</translation>
    </message>
    <message>
        <source>{number} · {time} WIB
{payer} ({kind}) · {total} · {method}</source>
        <translation>{number} · {time} WIB
{payer} ({kind}) · {total} · {method}</translation>
    </message>
    <message>
        <source>&amp;Batalkan kuitansi</source>
        <translation>&amp;Void receipt</translation>
    </message>
    <message>
        <source>&amp;Jangan batalkan</source>
        <translation>&amp;Keep it</translation>
    </message>
    <message>
        <source>Kuitansi ini tidak dapat dibatalkan</source>
        <translation>This receipt cannot be voided</translation>
    </message>
    <message>
        <source>Kuitansi tetap tersimpan dengan tanda BATAL.</source>
        <translation>The receipt stays on record, marked VOID.</translation>
    </message>
    <message>
        <source>Kembalikan pembayarannya kepada pembayar (non-tunai).</source>
        <translation>Refund the payment to the payer (non-cash).</translation>
    </message>
    <message>
        <source>Uangnya tidak dihitung di kas shift ini, kembalikan uangnya.</source>
        <translation>Its money is not counted in this shift&apos;s cash: give the money back.</translation>
    </message>
    <message>
        <source>Shift kuitansi ini sudah ditutup; uang dikembalikan dari laci shift Anda.</source>
        <translation>This receipt&apos;s shift is already closed; the money is refunded from your own shift&apos;s drawer.</translation>
    </message>
    <message>
        <source>Buka shift kas Anda dulu.</source>
        <translation>Open your cash shift first.</translation>
    </message>
    <message>
        <source>Membatalkan kuitansi…</source>
        <translation>Voiding the receipt…</translation>
    </message>
    <message>
        <source>Kuitansi sudah dibatalkan, tetapi gagal dicetak: {error}</source>
        <translation>The receipt is voided, but it could not be printed: {error}</translation>
    </message>
    <message>
        <source>&amp;Cetak ulang</source>
        <translation>Print &amp;again</translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Uang kuitansi {number} dikembalikan dari laci Anda. Hitung uang di laci dan isi modal awal shift Anda.</source>
        <translation>The money of receipt {number} is refunded from your drawer. Count the cash in the drawer and enter your shift&apos;s opening float.</translation>
    </message>
</context>
<context>
    <name>WatchlistPage</name>
    <message>
        <source>Daftar pantauan</source>
        <translation>Watchlist</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>No. HP</source>
        <translation>Mobile no.</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Sampai</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>berakhir {day}</source>
        <translation>ended {day}</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Orang</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>mis. 0812 3456 7890</source>
        <translation>e.g. 0812 3456 7890</translation>
    </message>
    <message>
        <source>16 digit (tidak disimpan)</source>
        <translation>16 digits (not stored)</translation>
    </message>
    <message>
        <source>Sampai tanggal</source>
        <translation>Until the day</translation>
    </message>
    <message>
        <source>Dibaca petugas meja saat tamu ini mendaftar</source>
        <translation>Read by the desk staff when this visitor registers</translation>
    </message>
    <message>
        <source>Nama *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>Berlaku</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>Alasan *</source>
        <translation>Reason *</translation>
    </message>
    <message>
        <source>Orang baru</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hapus dari daftar</source>
        <translation>Remove from the list</translation>
    </message>
    <message>
        <source>Pendaftaran tamu yang cocok (NIK sama, No. HP sama, atau nama mirip) berhenti dengan alasan ini. «Perlu persetujuan»: supervisor menyetujui di meja. «Dilarang masuk»: ditolak bila NIK atau No. HP sama; bila hanya namanya mirip, supervisor dapat menyetujui bahwa itu orang lain.</source>
        <translation>Registering a matching visitor (same NIK, same mobile number, or a similar name) stops with this reason. «Needs approval»: a supervisor approves at the desk. «Refused entry»: refused when the NIK or mobile number is the same; when only the name is similar, a supervisor may approve that it is someone else.</translation>
    </message>
    <message>
        <source>{nik} (kosongkan: tetap)</source>
        <translation>{nik} (leave empty to keep)</translation>
    </message>
    <message>
        <source>Hapus dari daftar pantauan</source>
        <translation>Remove from the watchlist</translation>
    </message>
    <message>
        <source>Hapus {name} dari daftar pantauan? Datanya dihapus di semua meja.</source>
        <translation>Remove {name} from the watchlist? Their data is erased at every desk.</translation>
    </message>
</context>
<context>
    <name>WeekBookingsModel</name>
    <message>
        <source>Sen</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Sel</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Rab</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Kam</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Jum</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Sab</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>{title} · {booker} ({status})</source>
        <translation type="vanished">{title} · {booker} ({status})</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Basis data tidak dapat dibuka</source>
        <translation>The database cannot be opened</translation>
    </message>
    <message>
        <source>Data demo: masuk sebagai {user} / {password}</source>
        <translation>Demo data: log in as {user} / {password}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Smesco Desk</source>
        <translation>Smesco Desk</translation>
    </message>
    <message>
        <source>Terjadi kesalahan yang tidak terduga.</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <source>Pekerjaan ini tidak selesai. Coba lagi; bila terulang, hubungi admin dan sertakan rinciannya.</source>
        <translation>This work was not finished. Try again; if it happens again, contact an administrator and include the details.</translation>
    </message>
    <message>
        <source>Terjadi kesalahan yang tidak terduga ({error}).</source>
        <translation>An unexpected error occurred ({error}).</translation>
    </message>
</context>
<context>
    <name>lease_more</name>
    <message>
        <source>Perjanjian sewa stan {stall}</source>
        <translation>Lease agreement of stall {stall}</translation>
    </message>
    <message>
        <source>Menyiapkan perjanjian…</source>
        <translation>Preparing the agreement…</translation>
    </message>
    <message>
        <source>Stan {stall} · {tenant}
{first} s.d. {last} · {period} · {rent}</source>
        <translation>Stall {stall} · {tenant}
{first} to {last} · {period} · {rent}</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Deposit habis untuk potongan; tidak ada yang dikembalikan.</source>
        <translation>The deductions take the whole deposit; nothing is returned.</translation>
    </message>
    <message>
        <source>Deposit {amount} dikembalikan. Kasir membayarkannya di Pembayaran › Pengembalian dana.</source>
        <translation>Deposit of {amount} returned. The cashier pays it out under Payments › Refunds.</translation>
    </message>
</context>
<context>
    <name>visitors</name>
    <message>
        <source>Terjadi kesalahan yang tidak terduga ({error}).</source>
        <translation type="vanished">An unexpected error occurred ({error}).</translation>
    </message>
</context>
</TS>
