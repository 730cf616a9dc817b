rule "aws-s3-ignore-public-acls" {
  title     = "S3 public access block does not ignore existing public ACLs"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_s3_bucket_public_access_block"]
  aliases   = ["CKV_AWS_55", "AVD-AWS-0091", "aws-s3-ignore-public-acls"]
  compliance = {
    "cis-aws-1.4" = ["2.1.5"]
    "cis-aws-3.0" = ["2.1.4"]
  }

  description = <<-EOT
    `block_public_acls` only stops new public ACLs; `ignore_public_acls = true` makes Amazon S3
    disregard every public ACL already on the bucket and its objects, including ones set before
    the block existed or by tools outside Terraform. Without it, objects uploaded earlier with
    `public-read` stay public. The argument defaults to `false` in the Terraform provider, so a
    public access block that omits it leaves this protection off. Severity is medium: a guard
    rail (defence in depth), the customer's configuration under the shared responsibility model.
    A bucket with no public access block at all is reported by `aws-s3-bucket-public-access-block`.
  EOT
  remediation = <<-EOT
    Set `ignore_public_acls = true` on the bucket's public access block:

    ```hcl
    resource "aws_s3_bucket_public_access_block" "data" {
      bucket                  = aws_s3_bucket.data.id
      block_public_acls       = true
      block_public_policy     = true
      ignore_public_acls      = true
      restrict_public_buckets = true
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_public_access_block",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
  ]

  assert {
    attribute "ignore_public_acls" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      resource "aws_s3_bucket_public_access_block" "data" {  # expect: aws-s3-ignore-public-acls
        bucket                  = aws_s3_bucket.data.id
        block_public_acls       = true
        block_public_policy     = true
        restrict_public_buckets = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      resource "aws_s3_bucket_public_access_block" "data" {
        bucket                  = aws_s3_bucket.data.id
        block_public_acls       = true
        block_public_policy     = true
        ignore_public_acls      = false  # expect: aws-s3-ignore-public-acls
        restrict_public_buckets = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "ignore_public_acls" {
        type    = bool
        default = false
      }

      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      resource "aws_s3_bucket_public_access_block" "data" {
        bucket                  = aws_s3_bucket.data.id
        block_public_acls       = true
        block_public_policy     = true
        ignore_public_acls      = var.ignore_public_acls  # expect: aws-s3-ignore-public-acls
        restrict_public_buckets = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      resource "aws_s3_bucket_public_access_block" "data" {
        bucket                  = aws_s3_bucket.data.id
        block_public_acls       = true
        block_public_policy     = true
        ignore_public_acls      = true
        restrict_public_buckets = true
      }
    EOT
  }

  # Another protection is missing, which its own rule reports; this one is on.
  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      resource "aws_s3_bucket_public_access_block" "data" {
        bucket                  = aws_s3_bucket.data.id
        block_public_policy     = true
        ignore_public_acls      = true
        restrict_public_buckets = true
      }
    EOT
  }
}
