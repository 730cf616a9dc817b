rule "aws-s3-bucket-public-access-block" {
  title     = "S3 bucket has no public access block"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_s3_bucket"]
  aliases   = ["CKV2_AWS_6", "AVD-AWS-0094", "aws-s3-specify-public-access-block"]
  compliance = {
    "cis-aws-1.4" = ["2.1.5"]
    "cis-aws-3.0" = ["2.1.4"]
  }

  description = <<-EOT
    S3 Block Public Access is the guard rail that stops a bucket from becoming public through a
    mistaken ACL or bucket policy: `block_public_acls` rejects public ACLs, `ignore_public_acls`
    disregards existing ones, `block_public_policy` rejects public bucket policies and
    `restrict_public_buckets` limits an already public policy to AWS services and the owning
    account. Each argument of `aws_s3_bucket_public_access_block` defaults to `false` in the
    Terraform provider, so a block that leaves one out switches that protection off. New buckets
    have all four settings on since April 2023, but that default is not visible in the
    configuration and can be changed outside Terraform; keeping data private is the customer's
    part of the shared responsibility model. This rule asks that the bucket has an
    `aws_s3_bucket_public_access_block`; each of the four settings that the block leaves off is
    reported by its own rule (`aws-s3-block-public-acls`, `aws-s3-block-public-policy`,
    `aws-s3-ignore-public-acls`, `aws-s3-restrict-public-buckets`), pointing at the block. (An
    account-wide `aws_s3_account_public_access_block` also protects the bucket, but is not
    recognised by this rule; suppress the finding where that is your design.)
  EOT
  remediation = "Add an `aws_s3_bucket_public_access_block` whose `bucket` is this bucket and set `block_public_acls`, `block_public_policy`, `ignore_public_acls` and `restrict_public_buckets` to `true`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_public_access_block",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
  ]

  assert {
    linked "aws_s3_bucket_public_access_block" {
      via   = "bucket"
      match = "bucket"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {  # expect: aws-s3-bucket-public-access-block
        bucket = "example-data"
      }
    EOT
  }

  # The block exists; the two settings it leaves off are reported by their own rules.
  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      # restrict_public_buckets and ignore_public_acls default to false.
      resource "aws_s3_bucket_public_access_block" "data" {
        bucket              = aws_s3_bucket.data.id
        block_public_acls   = true
        block_public_policy = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      resource "aws_s3_bucket_public_access_block" "data" {
        bucket = aws_s3_bucket.data.id

        block_public_acls       = true
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
        bucket = "example-data"

        block_public_acls       = true
        block_public_policy     = true
        ignore_public_acls      = true
        restrict_public_buckets = true
      }
    EOT
  }
}
