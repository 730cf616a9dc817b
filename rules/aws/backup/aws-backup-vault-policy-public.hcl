rule "aws-backup-vault-policy-public" {
  title     = "Backup vault access policy allows any principal"
  severity  = "high"
  area      = "identity-access"
  resources = ["aws_backup_vault_policy"]

  description = <<-EOT
    A backup vault's access policy controls who may copy recovery points out of the vault, restore
    them, or delete them. A statement allowing `Principal: "*"` (or `{"AWS": "*"}`) without a
    condition narrowing the callers opens those actions to every AWS account: backups are copies
    of your databases and volumes, and deleting them is how ransomware makes itself hard to
    recover from. High: exposure of copies of sensitive data, and of the ability to destroy them.
    Backup access is the customer's configuration under the shared responsibility model.
    Statements limited by a condition such as `aws:PrincipalOrgID` are not reported.
  EOT
  remediation = <<-EOT
    Allow only named accounts or roles, or restrict the statement to your organization:

        resource "aws_backup_vault_policy" "main" {
          backup_vault_name = aws_backup_vault.main.name
          policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect    = "Allow"
              Principal = { AWS = "arn:aws:iam::222222222222:root" }
              Action    = "backup:CopyIntoBackupVault"
              Resource  = "*"
            }]
          })
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_vault_policy",
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault-access-policy.html",
  ]

  assert {
    builtin "iam-no-public-principal" {
      attribute = "policy"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_backup_vault" "main" {
        name = "main"
      }

      resource "aws_backup_vault_policy" "main" {
        backup_vault_name = aws_backup_vault.main.name
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = { AWS = "*" }  # expect: aws-backup-vault-policy-public
            Action    = ["backup:DescribeBackupVault", "backup:DeleteRecoveryPoint"]
            Resource  = aws_backup_vault.main.arn
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_backup_vault" "main" {
        name = "main"
      }

      resource "aws_backup_vault_policy" "main" {
        backup_vault_name = aws_backup_vault.main.name
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = { AWS = "arn:aws:iam::222222222222:root" }
            Action    = "backup:CopyIntoBackupVault"
            Resource  = "*"
          }]
        })
      }
    EOT
  }
}
