rule "aws-ecr-repository-policy-public" {
  title     = "ECR repository policy grants access to everyone"
  severity  = "high"
  area      = "identity-access"
  resources = ["aws_ecr_repository_policy"]
  aliases   = ["CKV_AWS_32", "AVD-AWS-0032", "aws-ecr-no-public-access"]

  description = <<-EOT
    A repository policy statement that allows principal `*` without a condition restricting the
    caller lets any AWS account pull the images (and with it read the code, configuration and any
    secrets baked into the layers), or, for push and policy actions, replace the images the
    workloads run. Repository policies are the customer's access control under the shared
    responsibility model. High: it exposes the images, or lets outsiders alter them. Statements
    restricted with conditions such as `aws:PrincipalOrgID` or `aws:SourceAccount` are not public.
  EOT
  remediation = "Name the accounts or roles that need access in `Principal` (for example `{\"AWS\": \"arn:aws:iam::111122223333:root\"}`), or keep `*` with a condition on `aws:PrincipalOrgID`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository_policy",
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html",
  ]

  assert {
    builtin "iam-no-public-principal" {
      attribute = "policy"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ecr_repository" "app" {
        name = "app"
      }

      resource "aws_ecr_repository_policy" "app" {
        repository = aws_ecr_repository.app.name
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Sid       = "Pull"
            Effect    = "Allow"
            Principal = "*"  # expect: aws-ecr-repository-policy-public
            Action    = ["ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
          }]
        })
      }
    EOT
  }

  example "bad" {
    lines = [7]
    code  = <<-EOT
      resource "aws_ecr_repository" "app" {
        name = "app"
      }

      resource "aws_ecr_repository_policy" "app" {
        repository = aws_ecr_repository.app.name
        policy     = <<-JSON
          {
            "Version": "2012-10-17",
            "Statement": [{
              "Effect": "Allow",
              "Principal": {"AWS": "*"},
              "Action": "ecr:*"
            }]
          }
        JSON
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_ecr_repository_policy" "app" {
        repository = "app"
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = "*"
            Action    = ["ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
            Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-exampleorgid" } }
          }]
        })
      }
    EOT
  }
}
