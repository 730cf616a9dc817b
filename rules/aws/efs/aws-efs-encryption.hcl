rule "aws-efs-encryption" {
  title     = "EFS file system is not encrypted at rest"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_efs_file_system"]
  aliases   = ["CKV_AWS_42", "AVD-AWS-0037", "aws-efs-enable-at-rest-encryption"]
  compliance = {
    "cis-aws-3.0" = ["2.4.1"]
  }

  description = <<-EOT
    An EFS file system holds shared application data, home directories or uploaded files; without
    encryption at rest the data and its metadata are stored unencrypted. Encryption can only be
    chosen when the file system is created: fixing it later means creating a new file system and
    copying the data. The console encrypts new file systems by default, but the API, and therefore
    Terraform, does not unless `encrypted = true` is set. The choice is the customer's under the
    shared responsibility model.
  EOT
  remediation = "Set `encrypted = true` (optionally with `kms_key_id` for a customer-managed key) on the `aws_efs_file_system`, and migrate data from an existing unencrypted file system."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/efs_file_system",
    "https://docs.aws.amazon.com/efs/latest/ug/encryption.html",
  ]

  assert {
    attribute "encrypted" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_efs_file_system" "shared" {  # expect: aws-efs-encryption
        creation_token = "shared"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_efs_file_system" "shared" {
        creation_token = "shared"
        encrypted      = true
      }
    EOT
  }
}
