rule "aws-ebs-volume-encryption" {
  title     = "EBS volume is not encrypted"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_ebs_volume"]
  aliases   = ["CKV_AWS_3", "AVD-AWS-0026", "aws-ec2-enable-volume-encryption"]

  description = <<-EOT
    An unencrypted EBS volume keeps its data, and every snapshot taken from it, in plaintext. A
    snapshot that is shared or made public by mistake, copied to another account, or restored by
    someone with snapshot permissions exposes the whole disk. EBS is infrastructure the customer
    runs: AWS offers encryption with KMS at no performance cost, but switching it on (per volume,
    or account-wide with `aws_ebs_encryption_by_default`) is the customer's job. `encrypted`
    defaults to `false`. Volumes created while account-level encryption by default is on are
    encrypted anyway; this rule cannot see that setting, so declare it on the volume as well or
    suppress the finding.
  EOT
  remediation = "Set `encrypted = true` on the `aws_ebs_volume`, preferably with `kms_key_id` pointing at a customer-managed KMS key."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_volume",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/EBSEncryption.html",
  ]

  assert {
    attribute "encrypted" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ebs_volume" "data" {  # expect: aws-ebs-volume-encryption
        availability_zone = "eu-west-1a"
        size              = 100
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ebs_volume" "data" {
        availability_zone = "eu-west-1a"
        size              = 100
        encrypted         = false  # expect: aws-ebs-volume-encryption
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      # `try()` falls back as Terraform does: the settings object has no `encrypted`.
      variable "settings" {
        default = {}
      }

      resource "aws_ebs_volume" "data" {
        availability_zone = "eu-west-1a"
        size              = 100
        encrypted         = try(var.settings.encrypted, false)  # expect: aws-ebs-volume-encryption
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      # An optional attribute of the declared type is null or its default, never an error,
      # so `try()` does not fall back here.
      variable "settings" {
        type    = object({ encrypted = optional(bool, true) })
        default = {}
      }

      resource "aws_ebs_volume" "data" {
        availability_zone = "eu-west-1a"
        size              = 100
        encrypted         = try(var.settings.encrypted, false)
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "ebs" {
        description         = "EBS volumes"
        enable_key_rotation = true
      }

      resource "aws_ebs_volume" "data" {
        availability_zone = "eu-west-1a"
        size              = 100
        encrypted         = true
        kms_key_id        = aws_kms_key.ebs.arn
      }
    EOT
  }
}
