path_rule "aws-path-public-trust-admin-role" {
  title    = "IAM role any AWS principal may assume has administrator access"
  severity = "critical"
  search   = "public-trust-admin-role"

  description = <<-EOT
    The role's trust policy (`assume_role_policy`) lets any AWS principal call `sts:AssumeRole`
    (`Principal = "*"` or `{ AWS = "*" }`, or `NotPrincipal`) with no condition tying the caller
    to a known account, organisation or external id (`aws:PrincipalAccount`,
    `aws:PrincipalOrgID`, `sts:ExternalId`, ...), and one of the role's policies allows every
    action on every resource. Anyone with any AWS account who learns the role's ARN (from a log,
    an error message, a public repository) gets administrator credentials for this account: the
    trust policy is the entry, the role the pivot, its policy the target. Whom a role trusts
    and what it may do are the customer's configuration under the shared responsibility model.
    Critical: an entry open to everyone combined with an administrator identity.
  EOT
  remediation = "Name the trusted principals in the trust policy (the partner's account or role ARN) and require `sts:ExternalId` for a third party: the cheapest single change; and scope the role's policies to what the partner needs."
  references = [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html",
  ]

  example "bad" {
    code = <<-EOT
      resource "aws_iam_role" "partner" { # expect: aws-path-public-trust-admin-role
        name = "partner"
        assume_role_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Action    = "sts:AssumeRole"
            Principal = { AWS = "*" }
          }]
        })
      }

      resource "aws_iam_role_policy_attachment" "partner_admin" {
        role       = aws_iam_role.partner.name
        policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      # The partner's account, with the external id it was given: no one else may assume it.
      resource "aws_iam_role" "partner" {
        name = "partner"
        assume_role_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Action    = "sts:AssumeRole"
            Principal = { AWS = "arn:aws:iam::111122223333:root" }
            Condition = { StringEquals = { "sts:ExternalId" = "acme-7f3c9a41" } }
          }]
        })
      }

      resource "aws_iam_role_policy_attachment" "partner_admin" {
        role       = aws_iam_role.partner.name
        policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
      }
    EOT
  }
}
