rule "aws-iam-cloudshell-full-access-attached" {
  title     = "AWS managed AWSCloudShellFullAccess policy is attached to a role, user or group"
  severity  = "medium"
  area      = "identity-access"
  resources = [
    "aws_iam_role_policy_attachment",
    "aws_iam_user_policy_attachment",
    "aws_iam_group_policy_attachment",
    "aws_iam_policy_attachment",
    "aws_iam_role",
    "aws_iam_role_policy_attachments_exclusive",
    "aws_iam_user_policy_attachments_exclusive",
    "aws_iam_group_policy_attachments_exclusive",
  ]
  compliance = {
    "cis-aws-3.0" = ["1.22"]
  }

  description = <<-EOT
    AWSCloudShellFullAccess lets its holder start AWS CloudShell with file upload and download
    and unrestricted outbound internet access. A CloudShell environment runs with the caller's
    credentials, so anyone holding the policy has a shell inside the account from which data can
    be copied out and tools pulled in, outside the network controls and logging that apply to
    workloads. Grant CloudShell narrowly, or deny its file transfer actions, instead. The rule
    reads `policy_arn` of the attachment resources, `managed_policy_arns` of `aws_iam_role`
    (provider versions before 6.0) and `policy_arns` of the exclusive-attachment resources.
    Permission assignment is the customer's side of the shared responsibility model. Medium: a
    convenient exfiltration channel for whoever holds it.
  EOT
  remediation = <<-EOT
    Detach the policy; where CloudShell is needed, grant a custom policy without
    `cloudshell:PutCredentials`, file upload and download:

        resource "aws_iam_role_policy_attachment" "ops_cloudshell" {
          role       = aws_iam_role.ops.name
          policy_arn = aws_iam_policy.cloudshell_restricted.arn
        }
  EOT
  references = [
    "https://docs.aws.amazon.com/cloudshell/latest/userguide/sec-auth-with-identities.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role_policy_attachment",
  ]

  assert {
    attribute "policy_arn" {
      not_matches = "^arn:aws[a-z-]*:iam::aws:policy/AWSCloudShellFullAccess$"
      default     = ""
    }
    attribute "managed_policy_arns" {
      not_contains = "arn:aws:iam::aws:policy/AWSCloudShellFullAccess"
      default      = []
    }
    attribute "policy_arns" {
      not_contains = "arn:aws:iam::aws:policy/AWSCloudShellFullAccess"
      default      = []
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_group_policy_attachment" "ops_cloudshell" {
        group      = "ops"
        policy_arn = "arn:aws:iam::aws:policy/AWSCloudShellFullAccess"  # expect: aws-iam-cloudshell-full-access-attached
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_role_policy_attachments_exclusive" "ops" {
        role_name   = "ops"
        policy_arns = [  # expect: aws-iam-cloudshell-full-access-attached
          "arn:aws:iam::aws:policy/ReadOnlyAccess",
          "arn:aws:iam::aws:policy/AWSCloudShellFullAccess",
        ]
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_iam_group_policy_attachment" "ops_readonly" {
        group      = "ops"
        policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
      }
      resource "aws_iam_role_policy_attachments_exclusive" "ops" {
        role_name   = "ops"
        policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
      }
    EOT
  }
}
