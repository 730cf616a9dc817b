rule "aws-workspaces-volume-encryption" {
  title     = "WorkSpaces root or user volume is not encrypted"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_workspaces_workspace"]
  aliases   = ["CKV_AWS_155", "CKV_AWS_156", "AVD-AWS-0109", "aws-workspaces-enable-disk-encryption"]

  description = <<-EOT
    A WorkSpace's root volume holds the operating system, cached credentials and application data;
    its user volume holds the user's documents and profile. Unencrypted, they and their snapshots
    are plaintext for anyone with access to the underlying storage or backups. Both
    `root_volume_encryption_enabled` and `user_volume_encryption_enabled` default to `false`, and
    encryption can only be chosen when the WorkSpace is created. Encrypting desktops is the
    customer's choice under the shared responsibility model. High: unencrypted sensitive data.
  EOT
  remediation = "Set `root_volume_encryption_enabled = true`, `user_volume_encryption_enabled = true` and `volume_encryption_key` to a KMS key (the WorkSpace is replaced)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/workspaces_workspace",
    "https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html",
  ]

  assert {
    attribute "root_volume_encryption_enabled" {
      equals  = true
      default = false
    }
    attribute "user_volume_encryption_enabled" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_workspaces_workspace" "analyst" {  # expect: aws-workspaces-volume-encryption
        directory_id = "d-0123456789"
        bundle_id    = "wsb-0123456789"
        user_name    = "analyst"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_workspaces_workspace" "analyst" {
        directory_id                   = "d-0123456789"
        bundle_id                      = "wsb-0123456789"
        user_name                      = "analyst"
        root_volume_encryption_enabled = true
        user_volume_encryption_enabled = false  # expect: aws-workspaces-volume-encryption
        volume_encryption_key          = "alias/aws/workspaces"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_workspaces_workspace" "analyst" {
        directory_id                   = "d-0123456789"
        bundle_id                      = "wsb-0123456789"
        user_name                      = "analyst"
        root_volume_encryption_enabled = true
        user_volume_encryption_enabled = true
        volume_encryption_key          = "arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-0000-0000-000000000000"
      }
    EOT
  }
}
