rule "aws-ebs-encryption-by-default" {
  title     = "EBS encryption by default is switched off for the region"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_ebs_encryption_by_default"]
  aliases   = ["CKV_AWS_106"]
  compliance = {
    "cis-aws-1.4" = ["2.2.1"]
    "cis-aws-3.0" = ["2.2.1"]
  }

  description = <<-EOT
    Account-level EBS encryption by default makes every new volume and snapshot copy in the region
    encrypted, whatever the tool or person creating it remembers to ask for. Declaring
    `aws_ebs_encryption_by_default` with `enabled = false` switches that safety net off, so any
    volume created without `encrypted = true` keeps its data and snapshots in plaintext. Choosing
    encryption is the customer's side of the shared responsibility model. `enabled` defaults to
    `true`.
  EOT
  remediation = "Set `enabled = true` (or remove the argument), optionally with `aws_ebs_default_kms_key` naming a customer-managed key."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_encryption_by_default",
    "https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html",
  ]

  assert {
    attribute "enabled" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ebs_encryption_by_default" "this" {
        enabled = false  # expect: aws-ebs-encryption-by-default
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "ebs_default_encryption" {
        type    = bool
        default = false
      }

      resource "aws_ebs_encryption_by_default" "this" {
        enabled = var.ebs_default_encryption  # expect: aws-ebs-encryption-by-default
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_ebs_encryption_by_default" "this" {
        enabled = true
      }
    EOT
  }
}
