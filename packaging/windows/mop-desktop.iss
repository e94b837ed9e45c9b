; Inno Setup script for MOP Desktop (Inno Setup 6.4 or newer).
;
; Builds dist\mop-desktop-<version>-setup.exe from the PyInstaller folder dist\mop-desktop\.
; From the checkout root, after packaging\build.ps1:
;
;   iscc /DAppVersion=0.1.0 packaging\windows\mop-desktop.iss
;
; The installer:
;   - installs for the current user only, without administrator rights, into
;     %LOCALAPPDATA%\Programs\MOP Desktop (an update installs over it, keeping the same AppId);
;   - adds MOP Desktop to the Start menu, and a desktop shortcut if the box is left ticked;
;   - optionally starts MOP Desktop minimised to the notification area when the clerk signs in,
;     so that review and agenda reminders appear (HKCU\...\Run, "mop-desktop.exe --minimised");
;   - never touches the clerk's data (%LOCALAPPDATA%\MOP Desktop\mop-desktop: the protocol, the
;     concern register, backups, logs). The uninstaller leaves it in place unless the clerk ticks
;     "Also delete my MOP Desktop data" (a silent uninstall always keeps it).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "MOP Desktop"
#define AppExe "mop-desktop.exe"
#define Root "..\.."

[Setup]
AppId={{6F3C2A91-4E7B-4C1D-9A58-2B7E5D0C8F14}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=MOP Desktop
AppComments=Member/Officer Relations Protocol workspace for town and parish council clerks
VersionInfoVersion={#AppVersion}
; Per-user install: no administrator rights, no UAC prompt.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=mop-desktop-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\mop-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; An update while the app (or its reminders in the notification area) runs: close it first.
CloseApplications=yes
RestartApplications=no
MinVersion=10.0

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.StartWithWindows=Start {#AppName} when I sign in to Windows, so that reminders appear (minimised to the notification area)
english.OtherTasks=Reminders:
english.DeleteDataTitle=Uninstall {#AppName}
english.DeleteDataInfo={#AppName} itself will be removed. Your protocol, its adoption history, the confidential concern register and your backups are kept in:%n%n%1%n%nThey stay there unless you tick the box below, so that a later installation finds them again.
english.DeleteDataCheck=Also delete my {#AppName} data (this cannot be undone)
english.DeleteDataContinue=Uninstall
english.DeleteDataCancel=Cancel

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "startup"; Description: "{cm:StartWithWindows}"; GroupDescription: "{cm:OtherTasks}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\mop-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the program folder's bundled files; the clerk's data is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "The council's Member/Officer Relations Protocol"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "{#AppName}"; ValueData: """{app}\{#AppExe}"" --minimised"; Flags: uninsdeletevalue; Tasks: startup

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
var
  DeleteUserData: Boolean;

{ The data folder the app uses by default: platformdirs' user data folder for "mop-desktop"
  by "MOP Desktop", not roaming. }
function DataFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\MOP Desktop\mop-desktop');
end;

{ Before the uninstall: a small window with the data folder named and an unticked box. }
function AskAboutData(): Boolean;
var
  Form: TSetupForm;
  Info: TNewStaticText;
  Box: TNewCheckBox;
  ContinueButton, CancelButton: TNewButton;
begin
  Form := CreateCustomForm(ScaleX(480), ScaleY(230), False, False);
  try
    Form.Caption := CustomMessage('DeleteDataTitle');

    Info := TNewStaticText.Create(Form);
    Info.Parent := Form;
    Info.AutoSize := False;
    Info.WordWrap := True;
    Info.SetBounds(ScaleX(16), ScaleY(16), Form.ClientWidth - ScaleX(32), ScaleY(110));
    Info.Caption := FmtMessage(CustomMessage('DeleteDataInfo'), [DataFolder()]);

    Box := TNewCheckBox.Create(Form);
    Box.Parent := Form;
    Box.SetBounds(ScaleX(16), ScaleY(136), Form.ClientWidth - ScaleX(32), ScaleY(24));
    Box.Caption := CustomMessage('DeleteDataCheck');
    Box.Checked := False;

    ContinueButton := TNewButton.Create(Form);
    ContinueButton.Parent := Form;
    ContinueButton.SetBounds(Form.ClientWidth - ScaleX(216), Form.ClientHeight - ScaleY(44),
      ScaleX(96), ScaleY(28));
    ContinueButton.Caption := CustomMessage('DeleteDataContinue');
    ContinueButton.ModalResult := mrOk;
    ContinueButton.Default := True;

    CancelButton := TNewButton.Create(Form);
    CancelButton.Parent := Form;
    CancelButton.SetBounds(Form.ClientWidth - ScaleX(112), Form.ClientHeight - ScaleY(44),
      ScaleX(96), ScaleY(28));
    CancelButton.Caption := CustomMessage('DeleteDataCancel');
    CancelButton.ModalResult := mrCancel;
    CancelButton.Cancel := True;

    Form.ActiveControl := ContinueButton;
    Result := Form.ShowModal() = mrOk;
    DeleteUserData := Result and Box.Checked;
  finally
    Form.Free();
  end;
end;

function InitializeUninstall(): Boolean;
begin
  DeleteUserData := False;
  if UninstallSilent() then
    Result := True
  else
    Result := AskAboutData();
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DeleteUserData then
  begin
    if DirExists(DataFolder()) then
      DelTree(DataFolder(), True, True, True);
    { The parent folder only if nothing else is left in it. }
    RemoveDir(ExpandConstant('{localappdata}\MOP Desktop'));
  end;
end;
