rule "aws-s3-block-public-acls" {
  title     = "S3 public access block does not reject public ACLs"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_s3_bucket_public_access_block"]
  aliases   = ["CKV_AWS_53", "AVD-AWS-0086", "aws-s3-block-public-acls"]
  compliance = {
    "cis-aws-1.4" = ["2.1.5"]
    "cis-aws-3.0" = ["2.1.4"]
  }

  description = <<-EOT
    With `block_public_acls = true`, Amazon S3 rejects any request that would grant public access
    through an ACL: a `PutBucketAcl` or `PutObjectAcl` naming `AllUsers` or `AuthenticatedUsers`,
    or an upload with a canned ACL such as `public-read`. Without it, one careless upload or
    `aws_s3_bucket_acl` makes objects readable by anyone on the internet. The argument defaults
    to `false` in the Terraform provider, so a public access block that omits it leaves this
    protection off. Keeping bucket contents private is the customer's part of the shared
    responsibility model. Severity is medium: the setting is a guard rail (defence in depth) that
    stops a later mistake, not an exposure by itself.
    A bucket with no public access block at all is reported by `aws-s3-bucket-public-access-block`.
  EOT
  remediation = <<-EOT
    Set `block_public_acls = true` on the bucket's public access block:

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
    attribute "block_public_acls" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      resource "aws_s3_bucket_public_access_block" "data" {  # expect: aws-s3-block-public-acls
        bucket                  = aws_s3_bucket.data.id
        block_public_policy     = true
        ignore_public_acls      = true
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
        block_public_acls       = false  # expect: aws-s3-block-public-acls
        block_public_policy     = true
        ignore_public_acls      = true
        restrict_public_buckets = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "block_public_acls" {
        type    = bool
        default = false
      }

      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      resource "aws_s3_bucket_public_access_block" "data" {
        bucket                  = aws_s3_bucket.data.id
        block_public_acls       = var.block_public_acls  # expect: aws-s3-block-public-acls
        block_public_policy     = true
        ignore_public_acls      = true
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
        block_public_acls       = true
        ignore_public_acls      = true
        restrict_public_buckets = true
      }
    EOT
  }
}
