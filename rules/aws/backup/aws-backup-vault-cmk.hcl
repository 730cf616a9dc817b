rule "aws-backup-vault-cmk" {
  title     = "Backup vault is encrypted with the AWS managed key instead of a customer managed key"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_backup_vault"]
  aliases   = ["CKV_AWS_166"]

  description = <<-EOT
    Without `kms_key_id`, AWS Backup encrypts the vault's recovery points (for resource types it
    manages the encryption of) with the AWS managed key `aws/backup`, which any principal of the
    account allowed to use AWS Backup can use. A customer managed key adds a separate permission
    to restore or copy backups, a key policy that can be reviewed, CloudTrail records of its use,
    and the ability to share the vault's copies with a recovery account. Low: the backups are
    encrypted either way; the choice of key is the customer's side of the shared responsibility
    model.
  EOT
  remediation = <<-EOT
    Create a customer managed key for backups and set `kms_key_id`:

        resource "aws_backup_vault" "main" {
          name       = "main"
          kms_key_id = aws_kms_key.backup.arn
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_vault",
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html",
  ]

  assert {
    attribute "kms_key_id" {
      present     = true
      not_matches = "^(arn:[^:]+:kms:[^:]*:[^:]*:)?alias/aws/backup$"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_backup_vault" "main" {  # expect: aws-backup-vault-cmk
        name = "main"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "backup" {
        description         = "AWS Backup"
        enable_key_rotation = true
      }

      resource "aws_backup_vault" "main" {
        name       = "main"
        kms_key_id = aws_kms_key.backup.arn
      }
    EOT
  }
}
